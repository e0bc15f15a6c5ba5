import Foundation

let status = CommandLineTool.run(arguments: Array(CommandLine.arguments.dropFirst()),
                                 environment: ProcessInfo.processInfo.environment,
                                 output: .standard)
exit(status)
