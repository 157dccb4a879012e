import MeshportCLI

await Meshport.runFromCommandLine()
