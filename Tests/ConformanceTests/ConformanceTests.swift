import Testing

@testable import SpecsmithCore
import SpecsmithRuntime
