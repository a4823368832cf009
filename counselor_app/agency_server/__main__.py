from counselor_app.agency_server.cli import main

raise SystemExit(main())
