"""``python -m astana_facts`` runs the command line."""

from astana_facts.cli.main import main

if __name__ == "__main__":
    main()
