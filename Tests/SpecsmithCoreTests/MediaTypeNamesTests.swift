import Testing

@testable import SpecsmithCore

/// The case names of a response's media types (`ResponseDeclaration.Alternative.name`): the subtype, made more
/// precise only where two would share a name, with media types split as `split(separator:maxSplits:)` splits
/// them (empty pieces left out).
@Suite struct MediaTypeNamesTests {
    @Test(arguments: [
        (
            [
                "application/json", "application/json;stream=watch", "application/vnd.kubernetes.protobuf",
                "application/vnd.kubernetes.protobuf;stream=watch", "application/yaml",
            ],
            ["json", "jsonStreamWatch", "vndKubernetesProtobuf", "vndKubernetesProtobufStreamWatch", "yaml"]
        ),
        (
            ["text/xml", "application/xml", "text/*", "*/*", "application/problem+json"],
            ["textXml", "applicationXml", "text", "other", "problemJson"]
        ),
        (
            [
                "Application/JSON; Charset=UTF-8", "application/json;charset=utf-16", ";;text/plain;;a", "/json",
                "text//plain", "text/", ";", "",
            ],
            ["jsonCharsetUtf8", "jsonCharsetUtf16", "plainA", "json", "plain", "text", "_u20", "_u202"]
        ),
        (
            ["application/json", "application/json", "text/plain;a;b", "text/plain;a"],
            ["applicationJson", "applicationJson2", "plainAB", "plainA"]
        ),
    ])
    func names(_ mediaTypes: [String], _ expected: [String]) {
        #expect(Translator.mediaTypeNames(mediaTypes) == expected)
    }
}
