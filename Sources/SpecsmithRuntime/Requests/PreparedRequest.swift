import Foundation
import HTTPTypes

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// A request ready to send: the HTTP request (method, URL parts, headers) and the body bytes.
///
/// Printing it shows the method, the URL without its query, the header names and the body's size,
/// never header values, query values or the body, which may hold secrets.
public struct PreparedRequest: Sendable, Hashable {
    /// The method, scheme, authority, path (with the query) and header fields.
    public var request: HTTPRequest
    /// The encoded body, if the operation has one.
    public var body: Data?

    /// Pairs a request with its body.
    public init(request: HTTPRequest, body: Data? = nil) {
        self.request = request
        self.body = body
    }

    /// The absolute URL: scheme, authority and path with the query.
    ///
    /// - Throws: ``RequestError/invalidServerURL`` if the request lacks a scheme, authority or path,
    ///   or they do not form a URL.
    public var url: URL {
        get throws(RequestError) {
            guard let scheme = request.scheme, let authority = request.authority, let path = request.path,
                let url = URL(string: "\(scheme)://\(authority)\(path)")
            else {
                throw .invalidServerURL
            }
            return url
        }
    }

    /// The same request for `URLSession`: method, URL, every header field and the body.
    ///
    /// - Throws: ``RequestError/invalidServerURL`` if the request does not form a URL.
    public var urlRequest: URLRequest {
        get throws(RequestError) {
            var urlRequest = URLRequest(url: try url)
            urlRequest.httpMethod = request.method.rawValue
            for field in request.headerFields {
                urlRequest.addValue(field.value, forHTTPHeaderField: field.name.rawName)
            }
            urlRequest.httpBody = body
            return urlRequest
        }
    }
}

extension PreparedRequest: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// `POST https://live.tradovateapi.com/v1/auth/oauthtoken [Content-Type, Accept] 52-byte body`;
    /// a query shows as `?…`.
    public var description: String {
        var text = request.method.rawValue + " " + redactedURL
        let names = request.headerFields.map(\.name.rawName)
        if !names.isEmpty {
            text += " [" + names.joined(separator: ", ") + "]"
        }
        if let body {
            text += " \(body.count)-byte body"
        }
        return text
    }

    /// The same as ``description``.
    public var debugDescription: String { description }

    /// The method, the URL without its query, the header names and the body size.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "method": request.method.rawValue,
                "url": redactedURL,
                "headerNames": request.headerFields.map(\.name.rawName),
                "bodyByteCount": body?.count as Any,
            ],
            displayStyle: .struct
        )
    }

    private var redactedURL: String {
        let path = request.path ?? ""
        let pathWithoutQuery = path.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let query = pathWithoutQuery.count < path.count ? "?…" : ""
        return "\(request.scheme ?? "")://\(request.authority ?? "")\(pathWithoutQuery)\(query)"
    }
}
