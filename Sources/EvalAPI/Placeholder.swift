// Generated from specs/eval.yaml. Placeholder until the generator exists.
