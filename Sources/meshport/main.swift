import MeshportCLI

Meshport.main()
