"""File writers for supervisors (Excel workbooks). No Qt here: the CLI and scheduled jobs use them too."""
