// swift-tools-version:6.0
import PackageDescription

#if arch(x86_64)
let numericsSettings: [SwiftSetting] = [
    .unsafeFlags(["-O"]),
    .unsafeFlags(["-target-cpu", "haswell"], .when(configuration: .release)),
    .define("FUSED_MULTIPLY_ADD", .when(configuration: .release)),
]
#else
let numericsSettings: [SwiftSetting] = [.unsafeFlags(["-O"])]
#endif

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
        // The dense kernels are optimised in every build: the model's tests would take minutes
        // unoptimised. Release builds also target Haswell-class x86-64 (AVX2 and FMA: Intel 2013 on, AMD Zen); debug builds
        // keep the baseline so they run on any x86-64 machine.
        .target(name: "Numerics", swiftSettings: numericsSettings),
        .systemLibrary(
            name: "CZlib",
            path: "Sources/CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        .target(name: "Domain", dependencies: ["Numerics"]),
        .target(name: "Credentials", dependencies: ["Domain", "CCrypto"]),
        .target(name: "Persistence", dependencies: ["Domain", "CSQLite"]),
        .target(name: "TUI", dependencies: ["Domain", "CNCurses"]),
        .executableTarget(
            name: "MatchConsole",
            dependencies: ["Domain", "Numerics", "Persistence", "Credentials", "TUI", "CZlib"]
        ),
        .testTarget(name: "DomainTests", dependencies: ["Domain", "Numerics"], exclude: ["CSVCorpus"]),
        .testTarget(name: "PersistenceTests", dependencies: ["Domain", "Persistence", "Credentials", "TUI"]),
        .testTarget(name: "CredentialsTests", dependencies: ["Credentials"]),
        .testTarget(name: "TUITests", dependencies: ["TUI", "CNCurses"]),
        .testTarget(name: "CLITests", dependencies: ["MatchConsole", "Persistence"], exclude: ["Fixtures"]),
    ]
)
