import Foundation
import Hummingbird
import Logging
import ZoneCalc

/// The service as a Hummingbird application: its routes behind the session middleware.
public enum ServiceApplication {
    /// The router of every page and API call; `mapLibrary` is where Leaflet is for the check page's map.
    public static func router(_ service: CheckService, mapLibrary: MapLibrary = MapLibrary()) -> Router<ServiceContext> {
        let router = Router(context: ServiceContext.self)
        router.add(middleware: SessionMiddleware(store: service.store))
        APIRoutes(service: service).add(to: router)
        PageRoutes(service: service, mapLibrary: mapLibrary).add(to: router)
        mapLibrary.add(to: router)
        return router
    }

    /// The application listening on `host`:`port` (port 0: one the system picks).
    public static func application(_ service: CheckService, host: String, port: Int, mapLibrary: MapLibrary = MapLibrary()) -> some ApplicationProtocol {
        var logger = Logger(label: "zonecalc-serve")
        logger.logLevel = .info
        return Application(router: router(service, mapLibrary: mapLibrary), configuration: .init(address: .hostname(host, port: port), serverName: "zonecalc-serve"), logger: logger)
    }
}
