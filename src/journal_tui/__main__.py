from journal_tui.cli import main

raise SystemExit(main())
