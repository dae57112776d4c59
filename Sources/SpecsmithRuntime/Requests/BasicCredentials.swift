/// A user name and password for HTTP basic authentication (RFC 7617), sent as
/// `Authorization: Basic <base64 of name:password>`.
///
/// Printing one never shows the password: `BasicCredentials(username: "ACxx", password: <redacted>)`.
public struct BasicCredentials: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The user name (Twilio's account SID, say). RFC 7617 does not allow a colon in it.
    public var username: String
    /// The password (Twilio's auth token, say).
    public var password: String

    /// Credentials from a user name and a password.
    public init(username: String, password: String) {
        self.username = username
        self.password = password
    }

    public var description: String {
        "BasicCredentials(username: \(String(reflecting: username)), password: <redacted>)"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["username": username, "password": "<redacted>"], displayStyle: .struct)
    }
}
