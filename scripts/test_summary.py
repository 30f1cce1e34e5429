#!/usr/bin/env python3
"""Reads ctest's JUnit report and prints the closing line of `make test`: "N passed, N failed".

Failed and timed-out tests are listed by name first. Exit status 1 when any test failed or no test ran.
Several reports (make test-x: one per seed) are added up; each failed test is named with its report.
"""
import sys
import xml.etree.ElementTree as ET


def main() -> int:
    if len(sys.argv) < 2:
        print("usage: test_summary.py JUNIT.xml [JUNIT.xml ...]", file=sys.stderr)
        return 2
    passed, failed, skipped = 0, [], 0
    for path in sys.argv[1:]:
        try:
            root = ET.parse(path).getroot()
        except (OSError, ET.ParseError) as e:
            print(f"test_summary: cannot read {path}: {e}", file=sys.stderr)
            print("0 passed, 1 failed")
            return 1
        where = f" ({path})" if len(sys.argv) > 2 else ""
        for case in root.iter("testcase"):
            status = case.get("status", "")
            if case.find("failure") is not None or case.find("error") is not None or status == "fail":
                failed.append(case.get("name", "?") + where)
            elif case.find("skipped") is not None or status in ("notrun", "disabled"):
                skipped += 1
            else:
                passed += 1
    for name in failed:
        print(f"FAILED: {name}")
    line = f"{passed} passed, {len(failed)} failed"
    if skipped:
        line += f", {skipped} skipped"
    print(line)
    return 1 if failed or passed == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
