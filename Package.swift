// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "policysim",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "policysim", targets: ["policysim"]),
    .executable(name: "policysim-bench", targets: ["policysim-bench"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
  ],
  targets: [
    // MARK: - C shims
    .systemLibrary(
      name: "CGSL",
      pkgConfig: "gsl",
      providers: [.apt(["libgsl-dev"])]
    ),
    /// The system zlib, for runs.csv.gz.
    .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    /// SHA-256 from the system's OpenSSL libcrypto.
    .systemLibrary(
      name: "CCrypto",
      pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]
    ),

    // MARK: - Public modules
    /// Random streams and distributions; the only module that sees GSL's C pointers.
    .target(name: "Stochastic", dependencies: ["CGSL"]),
    /// A generic discrete-event engine that knows nothing of chips.
    .target(name: "DiscreteEvent"),
    /// Chips, export-control policy and the supply-chain model.
    .target(name: "PolicyModel", dependencies: ["DiscreteEvent", "Stochastic"]),
    /// Monte Carlo replications in parallel, deterministic whatever the thread count.
    .target(name: "Experiments", dependencies: ["PolicyModel", "Stochastic"]),
    /// SVG charts (fan chart, stacked area, date histogram) with nice value and date axes;
    /// knows nothing of policysim's files.
    .target(name: "Charts"),
    /// Scenario documents, JSON paths, merge patches and diagnostics: everything that reads files.
    .target(
      name: "PolicySimIO",
      dependencies: [
        "PolicyModel", "Stochastic", "Experiments", "Charts", "CCrypto", "CZlib",
        .product(name: "SwiftCSV", package: "SwiftCSV"),
      ]
    ),
    /// The thin command-line interface: the only target importing ArgumentParser.
    .executableTarget(
      name: "policysim",
      dependencies: [
        "PolicyModel", "PolicySimIO", "Experiments",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
    ),
    /// Reference workloads of the engine (M/M/1, hold model), shared by benchmark and tests.
    .target(
      name: "EngineWorkloads",
      dependencies: ["DiscreteEvent", "Stochastic"],
      path: "Benchmarks/Workloads"
    ),
    /// Engine and replication throughput benchmark (build with `-c release`, run from the root).
    .executableTarget(
      name: "policysim-bench",
      dependencies: [
        "EngineWorkloads", "Experiments", "PolicyModel", "PolicySimIO",
        .product(name: "HeapModule", package: "swift-collections"),
      ],
      path: "Benchmarks/policysim-bench"
    ),

    // MARK: - Tests
    .testTarget(name: "StochasticTests", dependencies: ["Stochastic", "CGSL"]),
    .testTarget(
      name: "DiscreteEventTests", dependencies: ["DiscreteEvent", "Stochastic", "EngineWorkloads"]),
    .testTarget(name: "PolicyModelTests", dependencies: ["PolicyModel"]),
    .testTarget(name: "PolicySimIOTests", dependencies: ["PolicySimIO", "Experiments", "Stochastic"]),
    /// Paired lever properties on the shipped scenarios (same seed, one lever moved).
    .testTarget(name: "PolicyPropertyTests", dependencies: ["PolicyModel", "PolicySimIO"]),
    .testTarget(name: "ChartsTests", dependencies: ["Charts"]),
    .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "Stochastic"]),
    /// Runs the built `policysim` binary (build it first: `swift test` builds every product).
    .testTarget(name: "PolicySimCLITests"),
  ]
)
