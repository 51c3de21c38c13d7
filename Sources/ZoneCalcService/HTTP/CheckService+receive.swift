import Foundation
import Hummingbird

extension CheckService {
    /// Receives the `multipart/form-data` upload of `request` (the API's and the upload page's) and
    /// submits its checks for `account`; the received files are removed whatever happens.
    func receive(_ request: Request, account: Account) async throws -> [CheckRecord] {
        let incoming = try incomingFolder()
        do {
            let upload = try await MultipartUpload.receive(request.body, contentType: request.headers[.contentType], into: incoming, limits: limits)
            return try await submit(upload, from: incoming, account: account)
        } catch {
            try? FileManager.default.removeItem(at: incoming)
            throw error
        }
    }
}
