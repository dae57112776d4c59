// SpecsmithRuntime: what generated code calls.
