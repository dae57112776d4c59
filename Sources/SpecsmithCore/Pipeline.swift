// SpecsmithCore: the pipeline stages after YAML. See Pipeline.swift.
