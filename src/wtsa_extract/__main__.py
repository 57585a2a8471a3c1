from wtsa_extract.entry import main

main()
