// specsmith-bench: timing harness. Placeholder.
print("specsmith-bench: nothing to measure yet")
