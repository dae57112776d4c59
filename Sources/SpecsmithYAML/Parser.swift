internal import CYAML
import SpecsmithDiagnostics

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One libyaml event parser reading UTF-8 bytes. The only owner of a `yaml_parser_t`; the bytes
/// must stay valid (pinned by the caller) for the parser's lifetime.
final class EventParser {
    let parser: UnsafeMutablePointer<yaml_parser_t>

    init(input: UnsafeBufferPointer<UInt8>) {
        parser = .allocate(capacity: 1)
        // yaml_parser_initialize only fails when out of memory, which Swift treats as fatal too.
        let initialized = yaml_parser_initialize(parser)
        precondition(initialized == 1, "libyaml could not allocate a parser")
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, input.baseAddress, input.count)
    }

    deinit {
        yaml_parser_delete(parser)
        parser.deallocate()
    }

    /// Fills `event` with the next event; false on a syntax error (see ``syntaxError(in:)``).
    /// The caller must free what each event it got holds (``release(_:)``).
    @inline(__always)
    func next(_ event: inout yaml_event_t) -> Bool {
        yaml_parser_parse(parser, &event) == 1
    }

    /// Frees what an event holds, as `yaml_event_delete` does, for the events that make up nearly all of a
    /// document without calling it: a scalar without anchor or tag holds only its value, which libyaml
    /// allocated with `malloc` (`yaml_malloc`), and a collection's start or end without them holds nothing.
    /// `yaml_event_delete` also frees pointers that are null and clears the event, which the next
    /// `yaml_parser_parse` clears anyway (about 40 instructions an event). The event is not to be used after.
    @inline(__always)
    static func release(_ event: inout yaml_event_t) {
        switch event.type {
        case YAML_SCALAR_EVENT where event.data.scalar.anchor == nil && event.data.scalar.tag == nil:
            free(event.data.scalar.value)
        case YAML_MAPPING_START_EVENT where event.data.mapping_start.anchor == nil
            && event.data.mapping_start.tag == nil:
            break
        case YAML_SEQUENCE_START_EVENT where event.data.sequence_start.anchor == nil
            && event.data.sequence_start.tag == nil:
            break
        case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
            break
        default:
            yaml_event_delete(&event)
        }
    }

    /// Counts the events of a document without building anything: the baseline the tree builder is
    /// measured against. Stops at the end of the stream or at the first error.
    static func countEvents(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            let parser = EventParser(input: buffer)
            var event = yaml_event_t()
            var count = 0
            while parser.next(&event) {
                count += 1
                let done = event.type == YAML_STREAM_END_EVENT
                yaml_event_delete(&event)
                if done { break }
            }
            return count
        }
    }
}
