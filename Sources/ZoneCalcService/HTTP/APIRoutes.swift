import Foundation
import Hummingbird
import ZoneCalc

/// The JSON API for other systems (described in `Resources/openapi.json`, served at `/openapi.json`): sign in, the zones served, submit a
/// check, poll it, fetch its result and each file, the record, and accounts.
struct APIRoutes {
    let service: CheckService

    var store: RecordStore { service.store }

    func add(to router: Router<ServiceContext>) {
        router.get("openapi.json") { _, _ in
            guard let data = ServiceResponses.bundled("openapi.json") else {
                throw ServiceError.notFound(Bilingual("本服务未附 API 说明文件", "the API description is missing from this installation"))
            }
            return Response(status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        let api = router.group("api")
        api.post("sessions") { request, context in try await signIn(request, context) }
        api.delete("sessions/current") { _, context in
            guard let session = context.session else { throw ServiceError.notSignedIn }
            try store.endSession(token: session.token)
            return Response(status: .noContent)
        }
        api.get("zones") { _, context in
            _ = try context.account()
            return ServiceResponses.json(service.catalog.zones)
        }
        api.post("checks") { request, context in
            let account = try context.account(Role.submitters)
            let checks = try await service.receive(request, account: account)
            return ServiceResponses.json(["checks": checks.map(CheckView.init)], status: .accepted)
        }
        api.get("checks") { request, context in
            let account = try context.account()
            let query = request.uri.queryParameters
            let checks = try store.checks(visibleTo: account, CheckQuery(zone: query.get("zone"), verdict: query.get("verdict"), text: query.get("q")))
            return ServiceResponses.json(checks.map(CheckView.init))
        }
        api.get("checks/:id") { request, context in
            let wait = request.uri.queryParameters.get("wait").flatMap(Double.init) ?? 0
            let record = try await service.check(context.parameters.get("id") ?? "", visibleTo: context.account(), waitingUpTo: wait.isFinite ? wait : 0)
            var view = CheckView(record)
            view.result = record.state == .done ? JSONValue.load(store.checkFolder(record.id).appendingPathComponent("result.json")) : nil
            return ServiceResponses.json(view)
        }
        api.get("checks/:id/files/**") { _, context in
            let record = try visibleCheck(context)
            let name = context.parameters.getCatchAll().joined(separator: "/")
            return try CheckDownloads.response(record, name: name, folder: store.checkFolder(record.id))
        }
        api.get("accounts") { _, context in
            _ = try context.account([.admin])
            return ServiceResponses.json(try store.accounts())
        }
        api.post("accounts") { request, context in
            _ = try context.account([.admin])
            let asked = try await decode(NewAccount.self, request, context)
            guard let role = Role(rawValue: asked.role) else {
                throw ServiceError.badRequest(Bilingual("角色应为 reviewer、auditor 或 admin", "the role is reviewer, auditor or admin"))
            }
            return ServiceResponses.json(try store.addAccount(name: asked.name, role: role, password: asked.password), status: .created)
        }
    }

    private struct Credentials: Decodable { var name: String; var password: String }
    private struct NewAccount: Decodable { var name: String; var role: String; var password: String }
    private struct SignedIn: Encodable { var token: String; var csrf: String; var account: Account }

    private func signIn(_ request: Request, _ context: ServiceContext) async throws -> Response {
        let credentials = try await decode(Credentials.self, request, context)
        let account = try store.authenticate(name: credentials.name, password: credentials.password)
        let session = try store.startSession(for: account)
        return ServiceResponses.json(SignedIn(token: session.token, csrf: session.csrf, account: account), status: .created)
    }

    /// The check named in the path, when the account may see it (another reviewer's is not found).
    private func visibleCheck(_ context: ServiceContext) throws(ServiceError) -> CheckRecord {
        try store.check(context.parameters.get("id") ?? "", visibleTo: context.account())
    }

    private func decode<T: Decodable>(_ type: T.Type, _ request: Request, _ context: ServiceContext) async throws -> T {
        do { return try await request.decode(as: type, context: context) } catch {
            throw ServiceError.badRequest(Bilingual("请求内容不是所需的 JSON", "the request body is not the JSON expected"))
        }
    }
}

/// A check as the API shows it: the record, and the result the engine gave once it is done.
struct CheckView: Encodable {
    var check: CheckRecord
    var result: JSONValue?

    init(_ check: CheckRecord) { self.check = check }
}
