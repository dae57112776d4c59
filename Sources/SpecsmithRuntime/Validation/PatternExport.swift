// `Pattern` lives in its own module so that the generator, which checks every `pattern` of a spec
// with it, does not link what the runtime's client needs (FoundationNetworking, and with it curl and
// TLS: nine tenths of the CLI's dynamic-loading time). Generated code names it through this module.
@_exported public import SpecsmithPattern
