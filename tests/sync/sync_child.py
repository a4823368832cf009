"""Child process of the SIGKILL test: open a desk and sync it, until the test kills it mid-sync.

    python -m tests.sync.sync_child DATA_DIR     (keyring: the JSON file named by COUNSELOR_TEST_KEYRING_FILE)
"""

from __future__ import annotations

import json
import sys
from datetime import date

import keyring

from tests.support.file_keyring import FileKeyring


def main(data_dir: str) -> int:
    keyring.set_keyring(FileKeyring())
    from counselor_app.core import open_desk
    from counselor_app.sync.service import sync_once
    from counselor_app.sync.transport import RetryPolicy

    with open_desk(data_dir=data_dir, agency="ma", today=date(2020, 10, 1)) as desk:
        report = sync_once(desk, retry=RetryPolicy(attempts=3, backoff_base_s=0.05, backoff_cap_s=0.2))
    print(json.dumps(report.as_dict()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
