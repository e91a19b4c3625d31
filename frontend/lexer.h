/* lexer.h: the tokenizer of the Surge Python subset (lexer.re).
 *
 * A hand-written indentation step runs in front of the re2c token rules,
 * as CPython's tokenizer does: at the start of each logical line it
 * measures the indentation against a stack and queues INDENT or DEDENT
 * tokens; NEWLINE is produced only at the end of a logical line outside
 * brackets. Token codes are the parser's (TOK_*, from parser.h). */
#ifndef SURGE_LEXER_H
#define SURGE_LEXER_H

#include "frontend/ast.h"

typedef struct Token {
	int kind;              /* TOK_* or 0 at the end of input */
	SrcRange range;
	const char *text;      /* the identifier, for TOK_NAME */
	Expr *value;           /* the literal, for TOK_INT, TOK_FLOAT, TOK_STRING */
} Token;

/* CPython's limits: 100 indentation levels, 200 nested brackets. */
enum { LEX_MAX_INDENT = 100, LEX_MAX_PARENS = 200 };

typedef struct Lexer {
	Arena *arena;
	DiagEngine *diag;
	const char *cur, *lim;     /* lim points at the terminating NUL */
	const char *line_start;    /* first byte of the current line */
	int line;
	/* Sub-lexers for f-string expressions scan a copy of the text: columns
	 * of its first line are shifted back to the original file. */
	int first_line, col_offset;
	/* Where the current token began. */
	const char *tok;
	int tok_line, tok_col;

	int indents[LEX_MAX_INDENT];     /* columns, tabs to multiples of 8 */
	int altindents[LEX_MAX_INDENT];  /* columns with tabs counting 1 */
	int nindents;
	int pending_dedents;
	bool pending_indent;
	bool at_bol;               /* at the start of a line outside brackets */
	bool line_has_tokens;      /* since the last NEWLINE */

	struct { char ch; SrcRange at; } parens[LEX_MAX_PARENS];
	int nparens;
	int paren_overflow;        /* brackets opened past LEX_MAX_PARENS */

	/* Expression mode (f-string fields): no indentation, no NEWLINE,
	 * START_EXPR first. */
	bool expr_mode;
	bool started;
	bool at_eof;
	/* A bracket error, or an error about how the input ends, was
	 * reported: syntax errors after it are fallout, not news. */
	bool bracket_error;
	bool end_reported;
	bool pending_newline;      /* after the PASS standing in for a match */
	bool nul_reported, depth_reported;
	/* Where a comment began on the current line: a NEWLINE there sits
	 * at the comment, as CPython places it. */
	int comment_line, comment_col;

	/* What the current logical line started with, to say "expected ':'" and
	 * "expected an indented block after 'if' statement on line 3". */
	int last_kind;
	int stmt_kind, stmt_line;
	bool colon_seen;
	int block_kind, block_line;
	SrcRange block_end;        /* the header's end, for errors at EOF */
	bool want_block;
	bool fstring_error;        /* one error per f-string is enough */
} Lexer;

/* lexer.re */

/* Scans text[0..len), which must be followed by a NUL byte. line and col
 * are the position of text[0] in the source file. */
void lexer_init(Lexer *lx, Arena *a, DiagEngine *d, const char *text,
                size_t len, int line, int col, bool expr_mode);
int lexer_next(Lexer *lx, Token *t);
/* The position of a byte of the current token, for errors inside it. */
SrcRange lexer_pos(const Lexer *lx, const char *p);
/* The statement a block-opening keyword starts, in CPython's words
 * ("'if' statement", "function definition"). */
const char *lexer_block_name(int kind);

/* literal.c */

/* Appends the value of a string literal's body to out, decoding escapes
 * unless raw. Reports bad escapes; returns false after an error. */
bool decode_string_body(Lexer *lx, StrBuf *out, const char *s, const char *e,
                        bool raw);
/* Builds an Int node from a literal's text (any base, underscores). */
Expr *make_int_literal(Lexer *lx, SrcRange r, const char *s, const char *e);
Expr *make_float_literal(Lexer *lx, SrcRange r, const char *s, const char *e);

/* fstring.c */

/* Builds the JoinedStr of an f-string whose body is s..e. */
Expr *make_fstring(Lexer *lx, SrcRange r, const char *s, const char *e, bool raw);

/* parser.y */

/* Parses an f-string field's expression, text[0..len) at line:col. */
Expr *parse_fstring_field(Arena *a, DiagEngine *d, const char *text,
                          size_t len, int line, int col);
const char *token_name(int kind);

#endif
