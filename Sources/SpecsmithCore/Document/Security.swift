public import SpecsmithDiagnostics

/// A security requirement: the schemes that must all be satisfied, each with its scopes.
/// An empty requirement (`{}`) means "no security" as one alternative.
public struct SecurityRequirement: Sendable, Hashable {
    /// Scheme names (keys of `components.securitySchemes`) to scopes, in document order.
    public var schemes: OrderedMap<[String]>
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(schemes: OrderedMap<[String]> = OrderedMap(), location: SourceLocation) {
        self.schemes = schemes
        self.location = location
    }
}

/// The `type` of a security scheme.
public enum SecuritySchemeType: String, Sendable, Hashable, CaseIterable {
    case apiKey, http, oauth2, openIdConnect, mutualTLS
}

/// A security scheme from `components.securitySchemes`.
public struct SecurityScheme: Sendable, Hashable {
    /// `type`, as in the specification.
    public var type: SecuritySchemeType
    /// `description`, with a `$ref` to a text file replaced by the file's text.
    public var description: String?
    /// `name` of the header, query parameter or cookie (apiKey).
    public var name: String?
    /// `in` (apiKey): query, header or cookie.
    public var `in`: ParameterLocation?
    /// `scheme` (http), such as `bearer` or `basic`.
    public var scheme: String?
    /// `bearerFormat`, as in the specification.
    public var bearerFormat: String?
    /// `flows` (oauth2).
    public var flows: OAuthFlows?
    /// `openIdConnectUrl`, as in the specification.
    public var openIdConnectUrl: String?
    /// `oauth2MetadataUrl` (3.2, oauth2): where the authorization server's metadata (RFC 8414) is.
    public var oauth2MetadataUrl: String?
    /// `deprecated` (3.2); false when not given.
    public var deprecated = false
    /// The canonical id of the component this came from through `$ref`, if any.
    public var referenceID: String?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        type: SecuritySchemeType,
        description: String? = nil,
        name: String? = nil,
        in: ParameterLocation? = nil,
        scheme: String? = nil,
        bearerFormat: String? = nil,
        flows: OAuthFlows? = nil,
        openIdConnectUrl: String? = nil,
        referenceID: String? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.type = type
        self.description = description
        self.name = name
        self.in = `in`
        self.scheme = scheme
        self.bearerFormat = bearerFormat
        self.flows = flows
        self.openIdConnectUrl = openIdConnectUrl
        self.referenceID = referenceID
        self.extensions = extensions
        self.location = location
    }
}

/// `flows` of an OAuth 2 security scheme.
public struct OAuthFlows: Sendable, Hashable {
    /// `implicit`, as in the specification.
    public var implicit: OAuthFlow?
    /// `password`, as in the specification.
    public var password: OAuthFlow?
    /// `clientCredentials`, as in the specification.
    public var clientCredentials: OAuthFlow?
    /// `authorizationCode`, as in the specification.
    public var authorizationCode: OAuthFlow?
    /// `deviceAuthorization` (3.2): the device authorization flow of RFC 8628.
    public var deviceAuthorization: OAuthFlow?
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        implicit: OAuthFlow? = nil,
        password: OAuthFlow? = nil,
        clientCredentials: OAuthFlow? = nil,
        authorizationCode: OAuthFlow? = nil,
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.implicit = implicit
        self.password = password
        self.clientCredentials = clientCredentials
        self.authorizationCode = authorizationCode
        self.extensions = extensions
        self.location = location
    }
}

/// One OAuth 2 flow.
public struct OAuthFlow: Sendable, Hashable {
    /// `authorizationUrl`, as in the specification.
    public var authorizationUrl: String?
    /// `deviceAuthorizationUrl` (3.2), of the device authorization flow.
    public var deviceAuthorizationUrl: String?
    /// `tokenUrl`, as in the specification.
    public var tokenUrl: String?
    /// `refreshUrl`, as in the specification.
    public var refreshUrl: String?
    /// Scope names to their descriptions, in document order.
    public var scopes: OrderedMap<String>
    /// The `x-` keys, in document order, with their values as written.
    public var extensions: Extensions
    /// Where the object starts in its file.
    public var location: SourceLocation

    /// Creates the value; every part but the required ones has a default.
    public init(
        authorizationUrl: String? = nil,
        tokenUrl: String? = nil,
        refreshUrl: String? = nil,
        scopes: OrderedMap<String> = OrderedMap(),
        extensions: Extensions = Extensions(),
        location: SourceLocation
    ) {
        self.authorizationUrl = authorizationUrl
        self.tokenUrl = tokenUrl
        self.refreshUrl = refreshUrl
        self.scopes = scopes
        self.extensions = extensions
        self.location = location
    }
}
