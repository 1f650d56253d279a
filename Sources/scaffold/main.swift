import Foundation
import ScaffoldKit

exit(ScaffoldCommand.main(Array(CommandLine.arguments.dropFirst())))
