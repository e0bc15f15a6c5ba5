// swift-tools-version:6.0
import PackageDescription

// Strict by default: Swift 6 language mode comes with tools version 6.0; CI adds -warnings-as-errors.
let package = Package(
    name: "MatchConsole",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "match-console", targets: ["MatchConsole"]),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            path: "Sources/CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .systemLibrary(
            name: "CNCurses",
            path: "Sources/CNCurses",
            providers: [.apt(["libncurses-dev"])]
        ),
        .systemLibrary(
            name: "CCrypto",
            path: "Sources/CCrypto",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(name: "Domain"),
        .target(name: "Credentials", dependencies: ["Domain", "CCrypto"]),
        .target(name: "Persistence", dependencies: ["Domain", "CSQLite"]),
        .target(name: "TUI", dependencies: ["Domain", "CNCurses"]),
        .executableTarget(
            name: "MatchConsole",
            dependencies: ["Domain", "Persistence", "Credentials", "TUI"]
        ),
        .testTarget(name: "DomainTests", dependencies: ["Domain"], exclude: ["CSVCorpus"]),
        .testTarget(name: "PersistenceTests", dependencies: ["Domain", "Persistence", "Credentials"]),
        .testTarget(name: "CredentialsTests", dependencies: ["Credentials"]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "CNCurses"]),
        .testTarget(name: "CLITests", dependencies: ["MatchConsole", "Persistence"]),
    ]
)
