from reform_archive.cli import main

main()
