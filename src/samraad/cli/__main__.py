import sys

from samraad.cli import main

sys.exit(main())
