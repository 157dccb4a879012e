import MeshportCLI

Meshport.runFromCommandLine()
