/* pysize.h: the sizes of CPython 3.11 objects on 64-bit Linux, for the
 * memory estimator.
 *
 * Every function returns what sys.getsizeof returns for the object itself
 * (its header, its inline data and its own tables, GC header included),
 * never what it refers to: a list of ints costs pysize_list_*() plus one
 * pysize_int() per distinct int it holds. The values were measured with
 * CPython 3.11 and are pinned by passes/tests/pysize_table.h; where a
 * size depends on how the object was built, there is one function per way
 * of building it, named after the bytecode or C path that CPython takes.
 *
 * One case is deliberately not modelled: a non-ASCII str whose UTF-8 form
 * a C extension has cached (PyUnicode_AsUTF8) grows by that form plus a
 * NUL. Plain Python code (print, encode, open, dict keys, f-strings) does
 * not cache it, which is what the measurements show. */
#ifndef SURGE_PYSIZE_H
#define SURGE_PYSIZE_H

#include <stddef.h>
#include <stdint.h>

/* ---- scalars ---- */

/* An int whose absolute value has `bits` significant bits: 24 bytes of
 * header plus 4 per 30-bit digit, at least one digit (0 too). Small ints
 * and bool/None are shared, but a caller decides that, not these. */
uint64_t pysize_int_bits(uint64_t bits);
/* The same for an int written in decimal (the absolute value; a leading
 * sign, leading zeros and '_' separators are ignored). */
uint64_t pysize_int(const char *decimal_digits_abs);
uint64_t pysize_float(void); /* 24 */
uint64_t pysize_bool(void);  /* 28, True and False alike */
uint64_t pysize_none(void);  /* 16 */

/* ---- str ---- */

/* CPython stores a str with the narrowest kind that holds its largest
 * character. */
typedef enum {
	PYSTR_ASCII,  /* < 0x80 */
	PYSTR_LATIN1, /* < 0x100 */
	PYSTR_UCS2,   /* < 0x10000 */
	PYSTR_UCS4,
} PyStrKind;

/* The kind for a string whose largest code point is max_char. */
PyStrKind pysize_str_kind(uint32_t max_char);
/* A str of len characters of the given kind; the empty str is 49 whatever
 * the kind asked for. */
uint64_t pysize_str(uint64_t len, PyStrKind kind);
/* A str given as UTF-8 bytes (no NUL needed). A byte that is not valid
 * UTF-8 counts as one UCS-2 character: what decoding it with
 * surrogateescape gives, the way Python reads undecodable file bytes. */
uint64_t pysize_str_utf8(const char *s, size_t nbytes);

/* ---- tuple ---- */

uint64_t pysize_tuple(uint64_t n); /* 40 + 8n, () included */

/* ---- list: 56 bytes plus 8 per allocated slot ---- */

/* Exactly n slots: a display of at most 30 items not all constant
 * ([a, b, c]: BUILD_LIST n), a slice, l.copy(), [x] * n. The compiler
 * builds a longer display by appends: pysize_list_appended. */
uint64_t pysize_list_exact(uint64_t n);
/* n rounded up to even slots (list_preallocate_exact): list(x) and [*x]
 * for an x with a len (list, tuple, range, dict, set, str), sorted(x) of
 * such an x, and displays of three or more constants, which the compiler
 * turns into a constant tuple extended into an empty list. */
uint64_t pysize_list_from_sized(uint64_t n);
/* Grown from empty by n appends, with list_resize's over-allocation. */
uint64_t pysize_list_appended(uint64_t n);
/* A list comprehension appends (LIST_APPEND): the same as appended. */
uint64_t pysize_list_comprehension(uint64_t n);
/* list(x) for an x with no len nor __length_hint__ (a generator, map,
 * filter): list_extend resizes to the default hint of 8, appends past it
 * and shrinks at the end. */
uint64_t pysize_list_from_iter(uint64_t n);
/* str.split() and str.split(sep) giving n parts: 12 slots preallocated,
 * appends past them, no shrink. */
uint64_t pysize_list_split(uint64_t n);

/* ---- dict: 64 bytes plus the keys table once it has one ---- */

/* n distinct str keys inserted one by one into an empty dict (d[k] = v
 * in a loop, a dict comprehension). A table of only str keys stores
 * 16-byte entries. */
uint64_t pysize_dict(uint64_t n);
/* The same with keys that are not all str (24-byte entries). A dict that
 * starts with str keys and then gets another kind is re-tabled on that
 * insert and can be larger than both: neither function covers it. */
uint64_t pysize_dict_general(uint64_t n);
/* A display {k1: v1, ...} of n distinct str keys: the table is sized for
 * n up front (BUILD_MAP, BUILD_CONST_KEY_MAP). */
uint64_t pysize_dict_display(uint64_t n);

/* ---- set ---- */

/* n distinct elements added one by one to an empty set (s.add in a loop,
 * a set comprehension, a display of non-constant items, set(x) for an x
 * that is not a set or dict). 216 bytes include an 8-entry inline table;
 * a larger table adds 16 bytes per entry. */
uint64_t pysize_set(uint64_t n);

#endif
