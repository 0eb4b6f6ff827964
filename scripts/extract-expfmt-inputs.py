#!/usr/bin/env python3
# Extract the text-format test inputs from prometheus/common's
# expfmt/text_parse_test.go into plain data files.
#
# Usage: extract-expfmt-inputs.py <path/to/text_parse_test.go> <output-dir>
#
# The scenario tables of testTextParse (inputs that must parse) and
# testTextParseError (inputs that must fail) are read, and every `in:` value
# is evaluated exactly as Go evaluates the string literal(s) (raw `...`
# strings, interpreted "..." strings with escapes, `+` concatenation).
# Written files (NN = 2-digit index in table order):
#   <out>/good/NN.txt         input that must parse
#   <out>/bad/NN.txt          input that must fail
#   <out>/bad/NN.err          expected error (errUTF8), one line + "\n";
#                             the test checks it as a prefix of the error text
#   <out>/bad/NN.err.legacy   expected error under legacy name validation
#                             (errLegacy), only where the test sets one
# All files are written as raw bytes; nothing else is touched.

import os
import re
import sys

SIMPLE_ESCAPES = {
    ord("a"): b"\a", ord("b"): b"\b", ord("f"): b"\f", ord("n"): b"\n",
    ord("r"): b"\r", ord("t"): b"\t", ord("v"): b"\v", ord("\\"): b"\\",
    ord('"'): b'"',
}


class GoSyntaxError(Exception):
    pass


def tokenize(src):
    """Minimal Go lexer over bytes. Yields (kind, value, offset).
    kinds: 'str' (evaluated bytes), 'ident', 'punct', 'other'."""
    i, n = 0, len(src)
    while i < n:
        c = src[i]
        if c in b" \t\r\n":
            i += 1
        elif src.startswith(b"//", i):
            j = src.find(b"\n", i)
            i = n if j < 0 else j + 1
        elif src.startswith(b"/*", i):
            j = src.find(b"*/", i + 2)
            if j < 0:
                raise GoSyntaxError("unterminated comment at %d" % i)
            i = j + 2
        elif c == ord("`"):
            j = src.find(b"`", i + 1)
            if j < 0:
                raise GoSyntaxError("unterminated raw string at %d" % i)
            # Go discards carriage returns inside raw string literals.
            yield ("str", src[i + 1:j].replace(b"\r", b""), i)
            i = j + 1
        elif c == ord('"'):
            val, i2 = eval_interpreted(src, i)
            yield ("str", val, i)
            i = i2
        elif c == ord("'"):
            # rune literal: skip (not needed, but must not confuse the lexer)
            j = i + 1
            while j < n and src[j] != ord("'"):
                j += 2 if src[j] == ord("\\") else 1
            yield ("other", src[i:j + 1], i)
            i = j + 1
        elif c == ord("_") or chr(c).isalnum() or c >= 0x80:
            j = i
            while j < n and (src[j] == ord("_") or chr(src[j]).isalnum()
                             or src[j] >= 0x80):
                j += 1
            yield ("ident", src[i:j].decode("utf-8"), i)
            i = j
        else:
            yield ("punct", chr(c), i)
            i += 1


def eval_interpreted(src, i):
    """Evaluate the "..." literal starting at src[i]; return (bytes, end)."""
    out = bytearray()
    j = i + 1
    n = len(src)
    while True:
        if j >= n or src[j] == ord("\n"):
            raise GoSyntaxError("unterminated string at %d" % i)
        c = src[j]
        if c == ord('"'):
            return bytes(out), j + 1
        if c != ord("\\"):
            out.append(c)
            j += 1
            continue
        e = src[j + 1]
        if e in SIMPLE_ESCAPES:
            out += SIMPLE_ESCAPES[e]
            j += 2
        elif e == ord("x"):
            out.append(int(src[j + 2:j + 4].decode(), 16))
            j += 4
        elif e in b"01234567":
            v = int(src[j + 1:j + 4].decode(), 8)
            if v > 255:
                raise GoSyntaxError("octal escape out of range at %d" % j)
            out.append(v)
            j += 4
        elif e in (ord("u"), ord("U")):
            k = 4 if e == ord("u") else 8
            cp = int(src[j + 2:j + 2 + k].decode(), 16)
            if 0xD800 <= cp <= 0xDFFF or cp > 0x10FFFF:
                raise GoSyntaxError("invalid code point escape at %d" % j)
            out += chr(cp).encode("utf-8")
            j += 2 + k
        else:
            raise GoSyntaxError("unknown escape \\%c at %d" % (e, j))


def function_body(tokens, name):
    """Tokens of the body of `func name(...) {...}`."""
    for k in range(len(tokens) - 1):
        if tokens[k][:2] == ("ident", "func") and tokens[k + 1][:2] == ("ident", name):
            m = k + 2
            while tokens[m][:2] != ("punct", "{"):
                m += 1
            depth, start = 0, m
            while True:
                if tokens[m][:2] == ("punct", "{"):
                    depth += 1
                elif tokens[m][:2] == ("punct", "}"):
                    depth -= 1
                    if depth == 0:
                        return tokens[start:m + 1]
                m += 1
    raise GoSyntaxError("function %s not found" % name)


def scenarios(body, keys):
    """Collect key: "string"(+"string")* fields grouped by enclosing brace."""
    stack, groups, order = [], {}, []
    k = 0
    while k < len(body):
        kind, val, off = body[k]
        if (kind, val) == ("punct", "{"):
            stack.append(off)
        elif (kind, val) == ("punct", "}"):
            stack.pop()
        elif (kind == "ident" and val in keys and k + 2 < len(body)
              and body[k - 1][1] in ("{", ",") and body[k + 1][:2] == ("punct", ":")):
            m = k + 2
            if body[m][0] != "str":
                raise GoSyntaxError("%s at %d is not a string literal" % (val, off))
            value = body[m][1]
            while body[m + 1][:2] == ("punct", "+"):
                if body[m + 2][0] != "str":
                    raise GoSyntaxError("non-literal concatenation at %d" % off)
                value += body[m + 2][1]
                m += 2
            if body[m + 1][1] not in (",", "}"):
                raise GoSyntaxError("unexpected token after %s at %d" % (val, off))
            owner = stack[-1]
            if owner not in groups:
                groups[owner] = {}
                order.append(owner)
            if val in groups[owner]:
                raise GoSyntaxError("duplicate key %s at %d" % (val, off))
            groups[owner][val] = value
            k = m
        k += 1
    return [groups[o] for o in order]


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: %s <text_parse_test.go> <output-dir>" % sys.argv[0])
    with open(sys.argv[1], "rb") as f:
        src = f.read()
    out = sys.argv[2]
    tokens = list(tokenize(src))

    good = scenarios(function_body(tokens, "testTextParse"), {"in"})
    bad = scenarios(function_body(tokens, "testTextParseError"),
                    {"in", "errUTF8", "errLegacy"})

    os.makedirs(os.path.join(out, "good"), exist_ok=True)
    os.makedirs(os.path.join(out, "bad"), exist_ok=True)
    for i, sc in enumerate(good):
        write(os.path.join(out, "good", "%02d.txt" % i), sc["in"])
    for i, sc in enumerate(bad):
        if "in" not in sc or "errUTF8" not in sc:
            raise GoSyntaxError("bad scenario %d lacks in/errUTF8" % i)
        base = os.path.join(out, "bad", "%02d" % i)
        write(base + ".txt", sc["in"])
        for key, suffix in (("errUTF8", ".err"), ("errLegacy", ".err.legacy")):
            if key not in sc or (key == "errLegacy" and not sc[key]):
                continue
            if b"\n" in sc[key]:
                raise GoSyntaxError("multi-line error text in bad scenario %d" % i)
            write(base + suffix, sc[key] + b"\n")
    print("good: %d, bad: %d" % (len(good), len(bad)))


if __name__ == "__main__":
    main()
