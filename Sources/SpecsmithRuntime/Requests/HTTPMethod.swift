import HTTPTypes

extension HTTPRequest.Method {
    /// The method `name`, sent as written: for the methods HTTPTypes has no constant for in every version
    /// Specsmith works with, `QUERY` (RFC 10008) and the methods of an OpenAPI 3.2 path item's
    /// `additionalOperations` (`COPY`, `LINK`). Generated request builders write `.named("QUERY")`.
    ///
    /// - Precondition: `name` is an HTTP token (letters, digits and ``!#$%&'*+-.^_`|~``), which the generator
    ///   checks of every method it writes.
    public static func named(_ name: String) -> Self {
        guard let method = Self(name) else { preconditionFailure("\"\(name)\" is not an HTTP method name") }
        return method
    }
}
