import { setFlagsFromString } from 'node:v8';

// A check is a short run of much code (micromark, the rules), mostly over in a second or two: V8's
// optimizing compiler spent more CPU compiling it, on a core of its own, than its code saved (SCS
// repository, one thread: 2.0 s of CPU by default, 1.4 s with this; 5,300 files: 6.2 s and 4.9 s,
// and less time on the clock in both). Eight times V8's budget before a function is optimized
// (132 KB of bytecode run) leaves that to the functions that run longest. Only where V8 is known to
// have the flag (Node 20's V8 11): a newer V8 (Node 24's) does not, and prints an error line for it.
if (Number(process.versions.v8.split('.')[0]) <= 11) setFlagsFromString('--interrupt-budget=1081344');
