"""Run the pipeline over a docs.jsonl file and print contract JSONL (a development harness).

Usage: python scripts/dev_extract.py ../shared/eval/dev/docs.jsonl > /tmp/out.jsonl
       python3 ../shared/eval/score.py ../shared/eval/dev/gold.jsonl /tmp/out.jsonl --errors
"""

from __future__ import annotations

import json
import sys

from claimledger.model import Document
from claimledger.pipeline import analyze_document


def main(path: str) -> None:
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip():
                continue
            obj = json.loads(line)
            doc = Document(
                text=obj["text"],
                id=str(obj.get("id", "")),
                url=obj.get("url"),
                outlet=obj.get("outlet"),
                published=obj.get("published"),
                language=obj.get("language"),
            )
            print(json.dumps(analyze_document(doc).to_contract(), ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
