import Foundation
import Hummingbird
import ZoneCalc

/// The service's answers: JSON with a status, and the JSON error every refusal gets.
enum ServiceResponses {
    /// `value` as JSON, keys sorted, with `status`.
    static func json<Value: Encodable>(_ value: Value, status: HTTPResponse.Status = .ok) -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The bytes of `resource` (a file name) bundled with the service; nil when this installation lacks it.
    static func bundled(_ resource: String) -> Data? {
        let name = resource as NSString
        return Bundle.module.url(forResource: name.deletingPathExtension, withExtension: name.pathExtension).flatMap { try? Data(contentsOf: $0) }
    }

    /// The refusal `error` as `{"error": {"code": …, "message": …}}`, in `language`.
    static func error(_ error: ServiceError, language: Language) -> Response {
        json(["error": ["code": error.code, "message": error.message(language)]], status: error.status)
    }
}

extension ServiceError {
    /// The HTTP status of the refusal.
    var status: HTTPResponse.Status {
        switch self {
        case .record: return .internalServerError
        case .notSignedIn, .wrongPassword: return .unauthorized
        case .notAllowed, .csrf: return .forbidden
        case .notFound: return .notFound
        case .badRequest, .account: return .badRequest
        case .tooLarge: return .contentTooLarge
        case .badUpload: return .unprocessableContent
        case .busy: return .serviceUnavailable
        }
    }

    /// A stable name of the refusal, for programs.
    var code: String {
        switch self {
        case .record: return "record"
        case .notSignedIn: return "not_signed_in"
        case .wrongPassword: return "wrong_password"
        case .notAllowed: return "not_allowed"
        case .csrf: return "csrf"
        case .notFound: return "not_found"
        case .badRequest: return "bad_request"
        case .tooLarge: return "too_large"
        case .badUpload: return "bad_upload"
        case .busy: return "busy"
        case .account: return "account"
        }
    }
}
