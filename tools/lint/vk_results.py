#!/usr/bin/env python3
"""Lists the Vulkan calls in myoview's sources whose VkResult is thrown away (issue 11: "no Vulkan result is
ignored"). The functions that return a VkResult are read from the installed vulkan_core.h, so a new one is covered
without editing this file. A call counts as thrown away when it is a whole statement: `vkFoo(...);` or
`(void)vkFoo(...);`. Prints FILE:LINE: call for each and exits 1 when there is any; exits 0 (and says how many calls
it checked) when there is none. Usage: vk_results.py SOURCE_ROOT [vulkan_core.h]"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
header = pathlib.Path(sys.argv[2] if len(sys.argv) > 2 else "/usr/include/vulkan/vulkan_core.h")
try:
    text = header.read_text()
except OSError as e:
    sys.exit(f"vk_results: cannot read {header}: {e}")
returning = set(re.findall(r"VKAPI_ATTR VkResult VKAPI_CALL (vk\w+)\(", text))
if len(returning) < 50:
    sys.exit(f"vk_results: found only {len(returning)} VkResult functions in {header}: not the Vulkan header?")

call = re.compile(r"\b(vk\w+)\s*\(")
discarded = re.compile(r"^\s*(?:\(void\)\s*)?(vk\w+)\s*\(")
checked = 0
problems = []
for path in sorted(list(root.glob("engine/**/*.cpp")) + list(root.glob("engine/**/*.h")) + list(root.glob("app/*.cpp"))):
    previous = ";"  # the last non-blank code line: a statement starts only after ; { } or a label's :
    for number, line in enumerate(path.read_text().splitlines(), 1):
        code = line.split("//", 1)[0]
        checked += sum(1 for name in call.findall(code) if name in returning)
        m = discarded.match(code)
        if m and m.group(1) in returning and previous[-1] in ";{}:":
            problems.append(f"{path.relative_to(root)}:{number}: {line.strip()}")
        if code.strip():
            previous = code.rstrip()
for p in problems:
    print(p)
if problems:
    print(f"vk_results: {len(problems)} of {checked} calls returning VkResult throw the result away")
    sys.exit(1)
print(f"vk_results: all {checked} calls returning VkResult use the result")
