from wtsa_extract.cli import main

main()
