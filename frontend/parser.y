/* parser.y: the grammar of the Surge Python subset, built by bison into the
 * build folder. It follows CPython's LL(1) grammar of 3.8 (Grammar/Grammar),
 * reshaped left-recursive for LALR(1), and builds the AST in its actions.
 *
 * Constructs outside the subset are parsed, reported as "unsupported: ..."
 * and dropped, so the parse goes on and finds the next error. Targets are
 * parsed as expressions and checked when they become targets, as CPython's
 * older parser did. */

%define api.pure full
%define api.token.prefix {TOK_}
%define parse.error detailed
%define parse.lac full
%locations
%expect 0
%param {Parser *p}

%code requires {
#include "frontend/frontend.h"
#include "frontend/lexer.h"

/* A comma-separated sequence on its way to an expression: with a comma it
 * is a tuple, without one it is its only item. */
typedef struct SeqBuild { ExprList items; bool comma; } SeqBuild;
/* The inside of ( ), [ ] or { }: a sequence or a comprehension. */
typedef struct CompBuild { ExprList items; bool comma; ComprehensionList comps; } CompBuild;
typedef struct DictBuild { ExprList keys, values; ComprehensionList comps; bool is_set; } DictBuild;
typedef struct ArgBuild { ExprList args; KeywordList keywords; } ArgBuild;
typedef struct TryTail { HandlerList handlers; StmtList orelse, finalbody; } TryTail;
typedef struct AssignBuild { ExprList targets; Expr *value; } AssignBuild;
}

%code provides {
struct Parser {
	Arena *arena;
	DiagEngine *diag;
	Lexer *lx;
	Module *module;
	Expr *result;      /* of an f-string field */
	/* A statement was just skipped over an error: the clauses and the
	 * indented block that belonged to it are not new errors. */
	bool recovering;
};
int yylex(YYSTYPE *lval, YYLTYPE *lloc, Parser *p);
void yyerror(YYLTYPE *loc, Parser *p, const char *msg);
}

%code {
#include <stdio.h>
#include <string.h>

#define A (p->arena)

static SrcRange R(YYLTYPE l)
{
	return (SrcRange){l.first_line, l.first_column, l.last_line, l.last_column};
}

/* From the start of one location to the end of another. */
static SrcRange span(YYLTYPE first, YYLTYPE last)
{
	return (SrcRange){first.first_line, first.first_column, last.last_line, last.last_column};
}

static void unsupported(Parser *p, YYLTYPE l, const char *what)
{
	error_at(p->diag, R(l), "unsupported: %s", what);
}

static Expr *seq_to_expr(Parser *p, SeqBuild s, YYLTYPE l)
{
	if (!s.comma)
		return s.items.items[0];
	Expr *t = mkexpr(A, EXPR_TUPLE, R(l));
	t->u.seq.elts = s.items;
	return t;
}

static ExprList one_expr(Parser *p, Expr *e)
{
	ExprList l = {0};
	exprlist_push(A, &l, e);
	return l;
}

static void append_stmts(Parser *p, StmtList *to, StmtList from)
{
	for (int i = 0; i < from.len; i++)
		stmtlist_push(A, to, from.items[i]);
}

static Expr *binop(Parser *p, BinOpKind op, Expr *l, Expr *r, YYLTYPE loc)
{
	Expr *e = mkexpr(A, EXPR_BINOP, R(loc));
	e->u.binop.op = op;
	e->u.binop.left = l;
	e->u.binop.right = r;
	return e;
}

static Expr *unary(Parser *p, UnaryOpKind op, Expr *x, YYLTYPE loc)
{
	Expr *e = mkexpr(A, EXPR_UNARYOP, R(loc));
	e->u.unaryop.op = op;
	e->u.unaryop.operand = x;
	return e;
}

/* a or b or c is one BoolOp, as in CPython; (a or b) or c is two. */
static Expr *boolop(Parser *p, BoolOpKind op, Expr *l, Expr *r, YYLTYPE loc)
{
	if (l->kind == EXPR_BOOLOP && l->u.boolop.op == op && !l->parenthesized) {
		exprlist_push(A, &l->u.boolop.values, r);
		l->range = R(loc);
		return l;
	}
	Expr *e = mkexpr(A, EXPR_BOOLOP, R(loc));
	e->u.boolop.op = op;
	exprlist_push(A, &e->u.boolop.values, l);
	exprlist_push(A, &e->u.boolop.values, r);
	return e;
}

/* a < b < c is one Compare with two operators. */
static Expr *compare(Parser *p, Expr *l, CmpOpKind op, Expr *r, YYLTYPE loc)
{
	Expr *e = l;
	if (l->kind != EXPR_COMPARE || l->parenthesized) {
		e = mkexpr(A, EXPR_COMPARE, R(loc));
		e->u.compare.left = l;
	}
	cmpoplist_push(A, &e->u.compare.ops, op);
	exprlist_push(A, &e->u.compare.comparators, r);
	e->range = R(loc);
	return e;
}

static Expr *comprehension(Parser *p, ExprKind kind, Expr *key, Expr *elt,
                           ComprehensionList comps, YYLTYPE loc)
{
	Expr *e = mkexpr(A, kind, R(loc));
	e->u.comp.key = key;
	e->u.comp.elt = elt;
	e->u.comp.generators = comps;
	return e;
}

static Comprehension *comp_clause(Parser *p, Expr *target, Expr *iter);

/* What an expression is called in "cannot assign to ..." messages. */
static const char *expr_description(const Expr *e)
{
	switch (e->kind) {
	case EXPR_CALL: return "function call";
	case EXPR_NONE: return "None";
	case EXPR_TRUE: return "True";
	case EXPR_FALSE: return "False";
	case EXPR_INT: case EXPR_FLOAT: case EXPR_STR: return "literal";
	case EXPR_JOINEDSTR: return "f-string expression";
	case EXPR_COMPARE: return "comparison";
	case EXPR_LAMBDA: return "lambda";
	case EXPR_IFEXP: return "conditional expression";
	case EXPR_BOOLOP: case EXPR_BINOP: case EXPR_UNARYOP: return "expression";
	case EXPR_DICT: return "dict literal";
	case EXPR_SET: return "set display";
	case EXPR_LISTCOMP: return "list comprehension";
	case EXPR_SETCOMP: return "set comprehension";
	case EXPR_DICTCOMP: return "dict comprehension";
	case EXPR_GENEXP: return "generator expression";
	default: return "expression";
	}
}

/* Turns a parsed expression into an assignment or del target. `single`
 * is set for the target of a lone `=`, where CPython suspects a typo for
 * `==` and says so. */
static void set_target_ctx(Parser *p, Expr *e, ExprCtx ctx, bool single)
{
	switch (e->kind) {
	case EXPR_NAME: e->u.name.ctx = ctx; return;
	case EXPR_ATTRIBUTE: e->u.attribute.ctx = ctx; return;
	case EXPR_SUBSCRIPT: e->u.subscript.ctx = ctx; return;
	case EXPR_TUPLE: case EXPR_LIST:
		e->u.seq.ctx = ctx;
		single &= e->kind == EXPR_TUPLE && !e->parenthesized;
		for (int i = 0; i < e->u.seq.elts.len; i++)
			set_target_ctx(p, e->u.seq.elts.items[i], ctx, single);
		return;
	default:
		/* Assigning to a keyword is no typo for `==`. */
		single &= e->kind != EXPR_NONE && e->kind != EXPR_TRUE && e->kind != EXPR_FALSE;
		error_at(p->diag, e->range, "cannot %s %s%s",
		         ctx == CTX_DEL ? "delete" : "assign to", expr_description(e),
		         single ? " here. Maybe you meant '==' instead of '='?" : "");
	}
}

static void set_ctx(Parser *p, Expr *e, ExprCtx ctx)
{
	set_target_ctx(p, e, ctx, false);
}

static void check_aug_target(Parser *p, Expr *e)
{
	if (e->kind == EXPR_NAME || e->kind == EXPR_ATTRIBUTE || e->kind == EXPR_SUBSCRIPT)
		set_ctx(p, e, CTX_STORE);
	else if (e->kind == EXPR_TUPLE || e->kind == EXPR_LIST)
		error_at(p->diag, e->range, "'%s' is an illegal expression for augmented "
		         "assignment", e->kind == EXPR_TUPLE ? "tuple" : "list");
	else
		error_at(p->diag, e->range, "'%s' is an illegal expression for augmented "
		         "assignment", expr_description(e));
}

static void add_param(Parser *p, ParamList *l, Param *x)
{
	if (!x)
		return;
	for (int i = 0; i < l->len; i++) {
		if (strcmp(l->items[i]->name, x->name) == 0) {
			error_at(p->diag, x->range, "duplicate argument '%s' in function "
			         "definition", x->name);
			return;
		}
	}
	if (!x->default_value && l->len && l->items[l->len - 1]->default_value)
		error_at(p->diag, x->range, "non-default argument follows default argument");
	paramlist_push(A, l, x);
}

static Param *mkparam(Parser *p, const char *name, Expr *def, YYLTYPE loc)
{
	Param *x = arena_alloc(A, sizeof *x);
	x->name = name;
	x->default_value = def;
	x->range = R(loc);
	return x;
}

static void add_arg(Parser *p, ArgBuild *b, Expr *e)
{
	if (!e)
		return;
	if (b->keywords.len)
		error_at(p->diag, e->range, "positional argument follows keyword argument");
	else
		exprlist_push(A, &b->args, e);
}

static void add_keyword(Parser *p, ArgBuild *b, Keyword *k)
{
	for (int i = 0; i < b->keywords.len; i++) {
		if (strcmp(b->keywords.items[i]->name, k->name) == 0) {
			error_at(p->diag, k->range, "keyword argument repeated: %s", k->name);
			return;
		}
	}
	keywordlist_push(A, &b->keywords, k);
}

/* f(x for x in xs) is fine; f(x for x in xs, 1) is not. */
static void check_genexp_args(Parser *p, ArgBuild *b)
{
	int n = b->args.len + b->keywords.len;
	for (int i = 0; i < b->args.len; i++) {
		Expr *e = b->args.items[i];
		if (e->kind == EXPR_GENEXP && !e->parenthesized && n > 1)
			error_at(p->diag, e->range, "Generator expression must be parenthesized");
	}
}

static Expr *concat_strings(Parser *p, Expr *a, Expr *b, YYLTYPE loc);
static Stmt *mkif(Parser *p, StmtKind k, Expr *test, StmtList body, StmtList orelse, YYLTYPE loc)
{
	Stmt *s = mkstmt(A, k, R(loc));
	s->u.cond.test = test;
	s->u.cond.body = body;
	s->u.cond.orelse = orelse;
	return s;
}

static StmtList one_stmt(Parser *p, Stmt *s)
{
	StmtList l = {0};
	if (s)
		stmtlist_push(A, &l, s);
	return l;
}

static Alias *mkalias(Parser *p, const char *name, const char *asname, YYLTYPE loc)
{
	Alias *a = arena_alloc(A, sizeof *a);
	a->name = name;
	a->asname = asname;
	a->range = R(loc);
	return a;
}

static Expr *mkslice(Parser *p, Expr *lower, Expr *upper, Expr *step,
                     YYLTYPE first, YYLTYPE last)
{
	Expr *e = mkexpr(A, EXPR_SLICE, span(first, last));
	e->u.slice.lower = lower;
	e->u.slice.upper = upper;
	e->u.slice.step = step;
	return e;
}

/* Since 3.9, `with (a, b):` holds two context managers, not one tuple;
 * `with (a, b) as t:` and `with ((a, b)):` still hold the tuple. */
static WithItemList split_with_items(Parser *p, WithItemList items)
{
	if (items.len != 1 || items.items[0]->target)
		return items;
	Expr *e = items.items[0]->context;
	if (e->kind != EXPR_TUPLE || e->parenthesized != 1 || e->u.seq.elts.len == 0)
		return items;
	WithItemList split = {0};
	for (int i = 0; i < e->u.seq.elts.len; i++) {
		WithItem *w = arena_alloc(A, sizeof *w);
		w->context = e->u.seq.elts.items[i];
		withitemlist_push(A, &split, w);
	}
	return split;
}

static Expr *none_expr(Parser *p, YYLTYPE loc)
{
	return mkexpr(A, EXPR_NONE, R(loc));
}
}

%union {
	const char *name;
	Expr *expr;
	Stmt *stmt;
	ExprList exprs;
	StmtList stmts;
	SeqBuild seq;
	CompBuild cb;
	DictBuild db;
	ArgBuild args;
	Keyword *keyword;
	ParamList params;
	Param *param;
	ComprehensionList comps;
	HandlerList handlers;
	ExceptHandler *handler;
	WithItemList withitems;
	WithItem *withitem;
	AliasList aliases;
	Alias *alias;
	TryTail trytail;
	AssignBuild assign;
	int op;
}

%token <name> NAME "identifier"
%token <expr> INT "integer literal" FLOAT "float literal" STRING "string literal"
%token NEWLINE "newline" INDENT "indent" DEDENT "unindent" START_EXPR "start of expression"
%token FALSE "'False'" NONE "'None'" TRUE "'True'" AND "'and'" AS "'as'"
%token ASSERT "'assert'" ASYNC "'async'" AWAIT "'await'" BREAK "'break'"
%token CLASS "'class'" CONTINUE "'continue'" DEF "'def'" DEL "'del'"
%token ELIF "'elif'" ELSE "'else'" EXCEPT "'except'" FINALLY "'finally'"
%token FOR "'for'" FROM "'from'" GLOBAL "'global'" IF "'if'" IMPORT "'import'"
%token IN "'in'" IS "'is'" LAMBDA "'lambda'" NONLOCAL "'nonlocal'" NOT "'not'"
%token OR "'or'" PASS "'pass'" RAISE "'raise'" RETURN "'return'" TRY "'try'"
%token WHILE "'while'" WITH "'with'" YIELD "'yield'"
%token LPAR "'('" RPAR "')'" LSQB "'['" RSQB "']'" LBRACE "'{'" RBRACE "'}'"
%token COLON "':'" COMMA "','" SEMI "';'" PLUS "'+'" MINUS "'-'" STAR "'*'"
%token SLASH "'/'" VBAR "'|'" AMPER "'&'" LESS "'<'" GREATER "'>'" EQUAL "'='"
%token DOT "'.'" PERCENT "'%'" EQEQUAL "'=='" NOTEQUAL "'!='" LESSEQUAL "'<='"
%token GREATEREQUAL "'>='" TILDE "'~'" CIRCUMFLEX "'^'" LEFTSHIFT "'<<'"
%token RIGHTSHIFT "'>>'" DOUBLESTAR "'**'" PLUSEQUAL "'+='" MINEQUAL "'-='"
%token STAREQUAL "'*='" SLASHEQUAL "'/='" PERCENTEQUAL "'%='" AMPEREQUAL "'&='"
%token VBAREQUAL "'|='" CIRCUMFLEXEQUAL "'^='" LEFTSHIFTEQUAL "'<<='"
%token RIGHTSHIFTEQUAL "'>>='" DOUBLESTAREQUAL "'**='" DOUBLESLASH "'//'"
%token DOUBLESLASHEQUAL "'//='" AT "'@'" ATEQUAL "'@='" RARROW "'->'"
%token COLONEQUAL "':='"

%type <stmts> stmts stmts_opt stmt simple_stmts block else_opt elif_tail finally_opt
%type <stmt> simple_stmt compound_stmt expr_stmt flow_stmt import_stmt if_stmt
%type <stmt> while_stmt for_stmt try_stmt with_stmt funcdef
%type <assign> assign_chain
%type <expr> test or_test and_test not_test comparison expr xor_expr and_expr
%type <expr> shift_expr arith_expr term factor power primary atom strings
%type <expr> namedexpr_test test_or_star star_expr testlist_star_expr
%type <expr> yield_expr yield_or_testlist_star lambdef subscript subscripts opt_test
%type <expr> target_list
%type <seq> star_seq expr_seq subscript_seq
%type <cb> testlist_comp
%type <db> dictorsetmaker dict_items set_items
%type <comps> comp_clauses
%type <args> arglist arglist_opt
%type <keyword> keyword_arg
%type <params> params params_opt lambda_params lambda_params_opt
%type <param> param lambda_param
%type <handlers> handlers
%type <handler> handler
%type <trytail> try_tail
%type <withitems> with_items
%type <withitem> with_item
%type <aliases> dotted_as_names import_as_names import_targets
%type <alias> dotted_as_name import_as_name
%type <name> dotted_name
%type <op> augassign comp_op

%%

start:
	file_input
|	START_EXPR yield_or_testlist_star { p->result = $2; }
;

file_input:
	stmts_opt { p->module->body = $1; }
;

stmts_opt:
	%empty { $$ = (StmtList){0}; }
|	stmts_opt stmt { $$ = $1; append_stmts(p, &$$, $2); }
;

stmts:
	stmt
|	stmts stmt { $$ = $1; append_stmts(p, &$$, $2); }
;

/* stmt = simple_stmts NEWLINE | compound_stmt */
stmt:
	simple_stmts NEWLINE { $$ = $1; @$ = @1; p->recovering = false; }
|	simple_stmts SEMI NEWLINE { $$ = $1; @$ = @1; p->recovering = false; }
|	compound_stmt { $$ = one_stmt(p, $1); p->recovering = false; }
|	error NEWLINE { $$ = (StmtList){0}; yyerrok; p->recovering = true; }
	/* An indented block where none belongs: an error, unless it is the
	 * body of a statement that was itself an error. Parsing it as a block
	 * keeps INDENT and DEDENT balanced, so what follows parses right. */
|	INDENT <op>{
		$$ = p->recovering;
		if (!p->recovering)
			error_at(p->diag, R(@1), "unexpected indent");
	} stmts DEDENT { $$ = (StmtList){0}; p->recovering = $2; }
;

simple_stmts:
	simple_stmt { $$ = one_stmt(p, $1); }
|	simple_stmts SEMI simple_stmt { $$ = $1; if ($3) stmtlist_push(A, &$$, $3); }
;

/* block = simple_stmts NEWLINE | NEWLINE INDENT stmts DEDENT
 * Its range is that of its statements, not of the layout tokens. */
block:
	simple_stmts NEWLINE { $$ = $1; @$ = @1; }
|	simple_stmts SEMI NEWLINE { $$ = $1; @$ = @1; }
|	NEWLINE INDENT stmts DEDENT { $$ = $3; @$ = @3; }
;

simple_stmt:
	expr_stmt
|	DEL target_list {
		$$ = mkstmt(A, STMT_DELETE, R(@$));
		if ($2->kind == EXPR_TUPLE && !$2->parenthesized)
			$$->u.delete_.targets = $2->u.seq.elts;
		else
			$$->u.delete_.targets = one_expr(p, $2);
		for (int i = 0; i < $$->u.delete_.targets.len; i++)
			set_ctx(p, $$->u.delete_.targets.items[i], CTX_DEL);
	}
|	PASS { $$ = mkstmt(A, STMT_PASS, R(@$)); }
|	flow_stmt
|	import_stmt
|	GLOBAL name_list { unsupported(p, @1, "'global' statement"); $$ = NULL; }
|	NONLOCAL name_list { unsupported(p, @1, "'nonlocal' statement"); $$ = NULL; }
|	ASSERT test {
		$$ = mkstmt(A, STMT_ASSERT, R(@$));
		$$->u.assert_.test = $2;
	}
|	ASSERT test COMMA test {
		$$ = mkstmt(A, STMT_ASSERT, R(@$));
		$$->u.assert_.test = $2;
		$$->u.assert_.msg = $4;
	}
;

name_list: NAME | name_list COMMA NAME ;

/* expr_stmt = testlist_star_expr (augassign value | ('=' value)*)
 *           | testlist_star_expr ':' test ['=' value] */
expr_stmt:
	testlist_star_expr {
		$$ = mkstmt(A, STMT_EXPR, R(@$));
		$$->u.expr.value = $1;
	}
|	yield_expr {
		$$ = mkstmt(A, STMT_EXPR, R(@$));
		$$->u.expr.value = $1;
	}
|	testlist_star_expr augassign yield_or_testlist_star {
		check_aug_target(p, $1);
		$$ = mkstmt(A, STMT_AUGASSIGN, R(@$));
		$$->u.augassign.target = $1;
		$$->u.augassign.op = (BinOpKind)$2;
		$$->u.augassign.value = $3;
	}
|	assign_chain {
		$$ = mkstmt(A, STMT_ASSIGN, R(@$));
		$$->u.assign.targets = $1.targets;
		$$->u.assign.value = $1.value;
		for (int i = 0; i < $1.targets.len; i++)
			set_target_ctx(p, $1.targets.items[i], CTX_STORE, $1.targets.len == 1);
	}
|	testlist_star_expr COLON test { unsupported(p, @2, "annotation"); $$ = NULL; }
|	testlist_star_expr COLON test EQUAL yield_or_testlist_star {
		unsupported(p, @2, "annotation");
		$$ = NULL;
	}
;

assign_chain:
	testlist_star_expr EQUAL yield_or_testlist_star {
		$$.targets = one_expr(p, $1);
		$$.value = $3;
	}
|	assign_chain EQUAL yield_or_testlist_star {
		$$ = $1;
		exprlist_push(A, &$$.targets, $$.value);
		$$.value = $3;
	}
;

augassign:
	PLUSEQUAL { $$ = BINOP_ADD; }
|	MINEQUAL { $$ = BINOP_SUB; }
|	STAREQUAL { $$ = BINOP_MUL; }
|	SLASHEQUAL { $$ = BINOP_DIV; }
|	DOUBLESLASHEQUAL { $$ = BINOP_FLOORDIV; }
|	PERCENTEQUAL { $$ = BINOP_MOD; }
|	DOUBLESTAREQUAL { $$ = BINOP_POW; }
|	LEFTSHIFTEQUAL { $$ = BINOP_LSHIFT; }
|	RIGHTSHIFTEQUAL { $$ = BINOP_RSHIFT; }
|	AMPEREQUAL { $$ = BINOP_BITAND; }
|	VBAREQUAL { $$ = BINOP_BITOR; }
|	CIRCUMFLEXEQUAL { $$ = BINOP_BITXOR; }
|	ATEQUAL { unsupported(p, @1, "'@' operator"); $$ = BINOP_MUL; }
;

yield_or_testlist_star: yield_expr | testlist_star_expr ;

yield_expr:
	YIELD { unsupported(p, @1, "'yield' (generator functions)"); $$ = none_expr(p, @$); }
|	YIELD testlist_star_expr {
		unsupported(p, @1, "'yield' (generator functions)");
		$$ = none_expr(p, @$);
	}
|	YIELD FROM test {
		unsupported(p, @1, "'yield' (generator functions)");
		$$ = none_expr(p, @$);
	}
;

flow_stmt:
	BREAK { $$ = mkstmt(A, STMT_BREAK, R(@$)); }
|	CONTINUE { $$ = mkstmt(A, STMT_CONTINUE, R(@$)); }
|	RETURN { $$ = mkstmt(A, STMT_RETURN, R(@$)); }
|	RETURN testlist_star_expr {
		$$ = mkstmt(A, STMT_RETURN, R(@$));
		$$->u.ret.value = $2;
	}
|	RAISE { $$ = mkstmt(A, STMT_RAISE, R(@$)); }
|	RAISE test {
		$$ = mkstmt(A, STMT_RAISE, R(@$));
		$$->u.raise.exc = $2;
	}
|	RAISE test FROM test {
		$$ = mkstmt(A, STMT_RAISE, R(@$));
		$$->u.raise.exc = $2;
		$$->u.raise.cause = $4;
	}
;

import_stmt:
	IMPORT dotted_as_names {
		$$ = mkstmt(A, STMT_IMPORT, R(@$));
		$$->u.import.names = $2;
	}
|	FROM dotted_name IMPORT import_targets {
		$$ = mkstmt(A, STMT_IMPORTFROM, R(@$));
		$$->u.importfrom.module = $2;
		$$->u.importfrom.module_range = R(@2);
		$$->u.importfrom.names = $4;
	}
|	FROM dots dotted_name IMPORT import_targets {
		unsupported(p, @2, "relative import");
		$$ = NULL;
	}
|	FROM dots IMPORT import_targets { unsupported(p, @2, "relative import"); $$ = NULL; }
;

dots: DOT | dots DOT ;

import_targets:
	STAR { unsupported(p, @1, "'import *'"); $$ = (AliasList){0}; }
|	LPAR import_as_names RPAR { $$ = $2; }
|	LPAR import_as_names COMMA RPAR { $$ = $2; }
|	import_as_names
;

import_as_names:
	import_as_name { $$ = (AliasList){0}; aliaslist_push(A, &$$, $1); }
|	import_as_names COMMA import_as_name { $$ = $1; aliaslist_push(A, &$$, $3); }
;

import_as_name:
	NAME { $$ = mkalias(p, $1, NULL, @$); }
|	NAME AS NAME { $$ = mkalias(p, $1, $3, @$); }
;

dotted_as_names:
	dotted_as_name { $$ = (AliasList){0}; aliaslist_push(A, &$$, $1); }
|	dotted_as_names COMMA dotted_as_name { $$ = $1; aliaslist_push(A, &$$, $3); }
;

dotted_as_name:
	dotted_name { $$ = mkalias(p, $1, NULL, @$); }
|	dotted_name AS NAME { $$ = mkalias(p, $1, $3, @$); }
;

dotted_name:
	NAME
|	dotted_name DOT NAME {
		size_t n = strlen($1), m = strlen($3);
		char *s = arena_alloc(A, n + m + 2);
		memcpy(s, $1, n);
		s[n] = '.';
		memcpy(s + n + 1, $3, m + 1);
		$$ = s;
	}
;

compound_stmt:
	if_stmt
|	while_stmt
|	for_stmt
|	try_stmt
|	with_stmt
|	funcdef
|	class_kw NAME COLON block { $$ = NULL; }
|	class_kw NAME LPAR arglist_opt RPAR COLON block { $$ = NULL; }
|	decorators funcdef { $$ = NULL; }
|	decorators class_kw NAME COLON block { $$ = NULL; }
|	decorators class_kw NAME LPAR arglist_opt RPAR COLON block { $$ = NULL; }
|	async_kw funcdef { $$ = NULL; }
|	async_kw for_stmt { $$ = NULL; }
|	async_kw with_stmt { $$ = NULL; }
;

/* Reported as soon as the keyword is read, so errors come in source order. */
class_kw: CLASS { unsupported(p, @1, "class definition"); } ;
async_kw: ASYNC { unsupported(p, @1, "'async'"); } ;

decorators:
	AT namedexpr_test NEWLINE { unsupported(p, @1, "decorator"); }
|	decorators AT namedexpr_test NEWLINE
;

/* if_stmt = 'if' test ':' block ('elif' test ':' block)* ['else' ':' block] */
if_stmt:
	IF namedexpr_test COLON block elif_tail { $$ = mkif(p, STMT_IF, $2, $4, $5, @$); }
;

elif_tail:
	%empty { $$ = (StmtList){0}; }
|	ELSE COLON block { $$ = $3; }
|	ELIF namedexpr_test COLON block elif_tail {
		$$ = one_stmt(p, mkif(p, STMT_IF, $2, $4, $5, @$));
	}
;

else_opt:
	%empty { $$ = (StmtList){0}; }
|	ELSE COLON block { $$ = $3; }
;

while_stmt:
	WHILE namedexpr_test COLON block else_opt { $$ = mkif(p, STMT_WHILE, $2, $4, $5, @$); }
;

for_stmt:
	FOR target_list IN testlist_star_expr COLON block else_opt {
		set_ctx(p, $2, CTX_STORE);
		$$ = mkstmt(A, STMT_FOR, R(@$));
		$$->u.for_.target = $2;
		$$->u.for_.iter = $4;
		$$->u.for_.body = $6;
		$$->u.for_.orelse = $7;
	}
;

try_stmt:
	TRY COLON block try_tail {
		$$ = mkstmt(A, STMT_TRY, R(@$));
		$$->u.try_.body = $3;
		$$->u.try_.handlers = $4.handlers;
		$$->u.try_.orelse = $4.orelse;
		$$->u.try_.finalbody = $4.finalbody;
	}
;

try_tail:
	handlers else_opt finally_opt { $$.handlers = $1; $$.orelse = $2; $$.finalbody = $3; }
|	FINALLY COLON block { $$ = (TryTail){0}; $$.finalbody = $3; }
;

finally_opt:
	%empty { $$ = (StmtList){0}; }
|	FINALLY COLON block { $$ = $3; }
;

handlers:
	handler { $$ = (HandlerList){0}; handlerlist_push(A, &$$, $1); }
|	handlers handler {
		$$ = $1;
		if ($$.items[$$.len - 1]->type == NULL)
			error_at(p->diag, $$.items[$$.len - 1]->range, "default 'except:' must be last");
		handlerlist_push(A, &$$, $2);
	}
;

handler:
	EXCEPT COLON block {
		$$ = arena_alloc(A, sizeof *$$);
		$$->body = $3;
		$$->range = R(@$);
	}
|	EXCEPT test COLON block {
		$$ = arena_alloc(A, sizeof *$$);
		$$->type = $2;
		$$->body = $4;
		$$->range = R(@$);
	}
|	EXCEPT test AS NAME COLON block {
		$$ = arena_alloc(A, sizeof *$$);
		$$->type = $2;
		$$->name = $4;
		$$->body = $6;
		$$->range = R(@$);
	}
;

with_stmt:
	WITH with_items COLON block {
		$$ = mkstmt(A, STMT_WITH, R(@$));
		$$->u.with.items = split_with_items(p, $2);
		$$->u.with.body = $4;
	}
;

with_items:
	with_item { $$ = (WithItemList){0}; withitemlist_push(A, &$$, $1); }
|	with_items COMMA with_item { $$ = $1; withitemlist_push(A, &$$, $3); }
;

with_item:
	test {
		$$ = arena_alloc(A, sizeof *$$);
		$$->context = $1;
	}
|	test AS expr {
		set_ctx(p, $3, CTX_STORE);
		$$ = arena_alloc(A, sizeof *$$);
		$$->context = $1;
		$$->target = $3;
	}
;

/* funcdef = 'def' NAME '(' [params] ')' ['->' test] ':' block */
funcdef:
	DEF NAME LPAR params_opt RPAR COLON block {
		$$ = mkstmt(A, STMT_FUNCTIONDEF, R(@$));
		$$->u.funcdef.name = $2;
		$$->u.funcdef.params = $4;
		$$->u.funcdef.body = $7;
	}
|	DEF NAME LPAR params_opt RPAR RARROW test COLON block {
		unsupported(p, @6, "annotation");
		$$ = NULL;
	}
;

params_opt:
	%empty { $$ = (ParamList){0}; }
|	params
|	params COMMA
;

params:
	param { $$ = (ParamList){0}; add_param(p, &$$, $1); }
|	params COMMA param { $$ = $1; add_param(p, &$$, $3); }
;

param:
	NAME { $$ = mkparam(p, $1, NULL, @$); }
|	NAME EQUAL test { $$ = mkparam(p, $1, $3, @$); }
|	NAME COLON test { unsupported(p, @2, "annotation"); $$ = mkparam(p, $1, NULL, @$); }
|	NAME COLON test EQUAL test {
		unsupported(p, @2, "annotation");
		$$ = mkparam(p, $1, $5, @$);
	}
|	STAR NAME { unsupported(p, @$, "star-args ('*args' parameter)"); $$ = NULL; }
|	STAR { unsupported(p, @$, "keyword-only parameters"); $$ = NULL; }
|	DOUBLESTAR NAME { unsupported(p, @$, "star-args ('**kwargs' parameter)"); $$ = NULL; }
|	SLASH { unsupported(p, @$, "positional-only parameters"); $$ = NULL; }
;

lambda_params_opt:
	%empty { $$ = (ParamList){0}; }
|	lambda_params
|	lambda_params COMMA
;

lambda_params:
	lambda_param { $$ = (ParamList){0}; add_param(p, &$$, $1); }
|	lambda_params COMMA lambda_param { $$ = $1; add_param(p, &$$, $3); }
;

lambda_param:
	NAME { $$ = mkparam(p, $1, NULL, @$); }
|	NAME EQUAL test { $$ = mkparam(p, $1, $3, @$); }
|	STAR NAME { unsupported(p, @$, "star-args ('*args' parameter)"); $$ = NULL; }
|	STAR { unsupported(p, @$, "keyword-only parameters"); $$ = NULL; }
|	DOUBLESTAR NAME { unsupported(p, @$, "star-args ('**kwargs' parameter)"); $$ = NULL; }
|	SLASH { unsupported(p, @$, "positional-only parameters"); $$ = NULL; }
;

/* ---- expressions, loosest binding first ---- */

namedexpr_test:
	test
|	test COLONEQUAL test { unsupported(p, @2, "assignment expression (':=')"); $$ = $3; }
;

test:
	or_test
|	or_test IF or_test ELSE test {
		$$ = mkexpr(A, EXPR_IFEXP, R(@$));
		$$->u.ifexp.test = $3;
		$$->u.ifexp.body = $1;
		$$->u.ifexp.orelse = $5;
	}
|	lambdef
;

lambdef:
	LAMBDA lambda_params_opt COLON test {
		$$ = mkexpr(A, EXPR_LAMBDA, R(@$));
		$$->u.lambda.params = $2;
		$$->u.lambda.body = $4;
	}
;

or_test:
	and_test
|	or_test OR and_test { $$ = boolop(p, BOOLOP_OR, $1, $3, @$); }
;

and_test:
	not_test
|	and_test AND not_test { $$ = boolop(p, BOOLOP_AND, $1, $3, @$); }
;

not_test:
	NOT not_test { $$ = unary(p, UNARY_NOT, $2, @$); }
|	comparison
;

comparison:
	expr
|	comparison comp_op expr { $$ = compare(p, $1, (CmpOpKind)$2, $3, @$); }
;

comp_op:
	LESS { $$ = CMP_LT; }
|	GREATER { $$ = CMP_GT; }
|	EQEQUAL { $$ = CMP_EQ; }
|	GREATEREQUAL { $$ = CMP_GE; }
|	LESSEQUAL { $$ = CMP_LE; }
|	NOTEQUAL { $$ = CMP_NE; }
|	IN { $$ = CMP_IN; }
|	NOT IN { $$ = CMP_NOTIN; }
|	IS { $$ = CMP_IS; }
|	IS NOT { $$ = CMP_ISNOT; }
;

star_expr:
	STAR expr { unsupported(p, @$, "starred expression"); $$ = $2; }
;

expr:
	xor_expr
|	expr VBAR xor_expr { $$ = binop(p, BINOP_BITOR, $1, $3, @$); }
;

xor_expr:
	and_expr
|	xor_expr CIRCUMFLEX and_expr { $$ = binop(p, BINOP_BITXOR, $1, $3, @$); }
;

and_expr:
	shift_expr
|	and_expr AMPER shift_expr { $$ = binop(p, BINOP_BITAND, $1, $3, @$); }
;

shift_expr:
	arith_expr
|	shift_expr LEFTSHIFT arith_expr { $$ = binop(p, BINOP_LSHIFT, $1, $3, @$); }
|	shift_expr RIGHTSHIFT arith_expr { $$ = binop(p, BINOP_RSHIFT, $1, $3, @$); }
;

arith_expr:
	term
|	arith_expr PLUS term { $$ = binop(p, BINOP_ADD, $1, $3, @$); }
|	arith_expr MINUS term { $$ = binop(p, BINOP_SUB, $1, $3, @$); }
;

term:
	factor
|	term STAR factor { $$ = binop(p, BINOP_MUL, $1, $3, @$); }
|	term SLASH factor { $$ = binop(p, BINOP_DIV, $1, $3, @$); }
|	term PERCENT factor { $$ = binop(p, BINOP_MOD, $1, $3, @$); }
|	term DOUBLESLASH factor { $$ = binop(p, BINOP_FLOORDIV, $1, $3, @$); }
|	term AT factor { unsupported(p, @2, "'@' operator"); $$ = $1; }
;

factor:
	PLUS factor { $$ = unary(p, UNARY_POS, $2, @$); }
|	MINUS factor { $$ = unary(p, UNARY_NEG, $2, @$); }
|	TILDE factor { $$ = unary(p, UNARY_INVERT, $2, @$); }
|	power
;

/* -x ** 2 is -(x ** 2); 2 ** -1 is 2 ** (-1). */
power:
	primary
|	AWAIT primary { unsupported(p, @1, "'await'"); $$ = $2; }
|	primary DOUBLESTAR factor { $$ = binop(p, BINOP_POW, $1, $3, @$); }
;

primary:
	atom
|	primary LPAR arglist_opt RPAR {
		check_genexp_args(p, &$3);
		/* A sole generator argument borrows the call's parentheses, as
		 * in CPython's ranges. */
		if ($3.args.len == 1 && !$3.keywords.len && $3.args.items[0]->kind == EXPR_GENEXP &&
		    !$3.args.items[0]->parenthesized) {
			$3.args.items[0]->range.line = @2.first_line;
			$3.args.items[0]->range.col = @2.first_column;
			$3.args.items[0]->range.end_line = @4.last_line;
			$3.args.items[0]->range.end_col = @4.last_column;
		}
		$$ = mkexpr(A, EXPR_CALL, R(@$));
		$$->u.call.func = $1;
		$$->u.call.args = $3.args;
		$$->u.call.keywords = $3.keywords;
	}
|	primary LSQB subscripts RSQB {
		$$ = mkexpr(A, EXPR_SUBSCRIPT, R(@$));
		$$->u.subscript.value = $1;
		$$->u.subscript.index = $3;
	}
|	primary DOT NAME {
		$$ = mkexpr(A, EXPR_ATTRIBUTE, R(@$));
		$$->u.attribute.value = $1;
		$$->u.attribute.attr = $3;
	}
;

atom:
	LPAR RPAR { $$ = mkexpr(A, EXPR_TUPLE, R(@$)); $$->parenthesized = 1; }
|	LPAR yield_expr RPAR { $$ = $2; }
|	LPAR testlist_comp RPAR {
		if ($2.comps.len) {
			$$ = comprehension(p, EXPR_GENEXP, NULL, $2.items.items[0], $2.comps, @$);
		} else if ($2.comma) {
			$$ = mkexpr(A, EXPR_TUPLE, R(@$));
			$$->u.seq.elts = $2.items;
		} else {
			$$ = $2.items.items[0];
		}
		if ($$->parenthesized < UINT8_MAX)
			$$->parenthesized++;
	}
|	LSQB RSQB { $$ = mkexpr(A, EXPR_LIST, R(@$)); }
|	LSQB testlist_comp RSQB {
		if ($2.comps.len) {
			$$ = comprehension(p, EXPR_LISTCOMP, NULL, $2.items.items[0], $2.comps, @$);
		} else {
			$$ = mkexpr(A, EXPR_LIST, R(@$));
			$$->u.seq.elts = $2.items;
		}
	}
|	LBRACE RBRACE { $$ = mkexpr(A, EXPR_DICT, R(@$)); }
|	LBRACE dictorsetmaker RBRACE {
		if ($2.comps.len) {
			$$ = comprehension(p, $2.is_set ? EXPR_SETCOMP : EXPR_DICTCOMP,
			                   $2.is_set ? NULL : $2.keys.items[0],
			                   $2.is_set ? $2.keys.items[0] : $2.values.items[0],
			                   $2.comps, @$);
		} else if ($2.is_set) {
			$$ = mkexpr(A, EXPR_SET, R(@$));
			$$->u.seq.elts = $2.keys;
		} else {
			$$ = mkexpr(A, EXPR_DICT, R(@$));
			$$->u.dict.keys = $2.keys;
			$$->u.dict.values = $2.values;
		}
	}
|	NAME {
		$$ = mkexpr(A, EXPR_NAME, R(@$));
		$$->u.name.id = $1;
	}
|	INT
|	FLOAT
|	strings
|	NONE { $$ = mkexpr(A, EXPR_NONE, R(@$)); }
|	TRUE { $$ = mkexpr(A, EXPR_TRUE, R(@$)); }
|	FALSE { $$ = mkexpr(A, EXPR_FALSE, R(@$)); }
;

/* "a" "b" f"{c}" is one literal. */
strings:
	STRING
|	strings STRING { $$ = concat_strings(p, $1, $2, @$); }
;

/* testlist_comp = (namedexpr_test|star_expr) (comp_for | (',' ...)* [',']) */
testlist_comp:
	test_or_star comp_clauses {
		$$ = (CompBuild){0};
		exprlist_push(A, &$$.items, $1);
		$$.comps = $2;
	}
|	star_seq { $$ = (CompBuild){$1.items, $1.comma, {0}}; }
|	star_seq COMMA { $$ = (CompBuild){$1.items, true, {0}}; }
;

star_seq:
	test_or_star { $$ = (SeqBuild){0}; exprlist_push(A, &$$.items, $1); }
|	star_seq COMMA test_or_star { $$ = $1; $$.comma = true; exprlist_push(A, &$$.items, $3); }
;

test_or_star: namedexpr_test | star_expr ;

/* comp_for = 'for' target 'in' or_test (comp_for | 'if' or_test)* */
comp_clauses:
	FOR target_list IN or_test {
		$$ = (ComprehensionList){0};
		complist_push(A, &$$, comp_clause(p, $2, $4));
	}
|	comp_clauses FOR target_list IN or_test {
		$$ = $1;
		complist_push(A, &$$, comp_clause(p, $3, $5));
	}
|	comp_clauses IF or_test {
		$$ = $1;
		exprlist_push(A, &$$.items[$$.len - 1]->ifs, $3);
	}
;

/* A for target: expr (',' expr)* [','], a tuple if it has a comma. */
target_list:
	expr_seq { $$ = seq_to_expr(p, $1, @$); }
|	expr_seq COMMA { $1.comma = true; $$ = seq_to_expr(p, $1, @$); }
;

expr_seq:
	expr { $$ = (SeqBuild){0}; exprlist_push(A, &$$.items, $1); }
|	star_expr { $$ = (SeqBuild){0}; exprlist_push(A, &$$.items, $1); }
|	expr_seq COMMA expr { $$ = $1; $$.comma = true; exprlist_push(A, &$$.items, $3); }
|	expr_seq COMMA star_expr { $$ = $1; $$.comma = true; exprlist_push(A, &$$.items, $3); }
;

testlist_star_expr:
	star_seq { $$ = seq_to_expr(p, $1, @$); }
|	star_seq COMMA { $1.comma = true; $$ = seq_to_expr(p, $1, @$); }
;

/* subscripts: x[i], x[i:j:k], x[i, j:k] */
subscripts:
	subscript_seq { $$ = seq_to_expr(p, $1, @$); }
|	subscript_seq COMMA { $1.comma = true; $$ = seq_to_expr(p, $1, @$); }
;

subscript_seq:
	subscript { $$ = (SeqBuild){0}; exprlist_push(A, &$$.items, $1); }
|	subscript_seq COMMA subscript { $$ = $1; $$.comma = true; exprlist_push(A, &$$.items, $3); }
;

/* An omitted bound has no position: a slice starts at its first colon
 * when it has no lower bound, and ends at its last colon or bound. */
subscript:
	test
|	test COLONEQUAL test { unsupported(p, @2, "assignment expression (':=')"); $$ = $3; }
|	opt_test COLON opt_test {
		$$ = mkslice(p, $1, $3, NULL, $1 ? @1 : @2, $3 ? @3 : @2);
	}
|	opt_test COLON opt_test COLON opt_test {
		$$ = mkslice(p, $1, $3, $5, $1 ? @1 : @2, $5 ? @5 : @4);
	}
;

opt_test:
	%empty { $$ = NULL; }
|	test
;

/* dictorsetmaker = dict items [','] | test ':' test comp_for
 *                | set items [','] | test comp_for */
dictorsetmaker:
	dict_items
|	dict_items COMMA
|	test COLON test comp_clauses {
		$$ = (DictBuild){0};
		exprlist_push(A, &$$.keys, $1);
		exprlist_push(A, &$$.values, $3);
		$$.comps = $4;
	}
|	set_items
|	set_items COMMA
|	test comp_clauses {
		$$ = (DictBuild){0};
		$$.is_set = true;
		exprlist_push(A, &$$.keys, $1);
		$$.comps = $2;
	}
;

dict_items:
	test COLON test {
		$$ = (DictBuild){0};
		exprlist_push(A, &$$.keys, $1);
		exprlist_push(A, &$$.values, $3);
	}
|	DOUBLESTAR expr { unsupported(p, @1, "dict unpacking ('**')"); $$ = (DictBuild){0}; }
|	dict_items COMMA test COLON test {
		$$ = $1;
		exprlist_push(A, &$$.keys, $3);
		exprlist_push(A, &$$.values, $5);
	}
|	dict_items COMMA DOUBLESTAR expr { unsupported(p, @3, "dict unpacking ('**')"); $$ = $1; }
;

set_items:
	test_or_star { $$ = (DictBuild){0}; $$.is_set = true; exprlist_push(A, &$$.keys, $1); }
|	set_items COMMA test_or_star { $$ = $1; exprlist_push(A, &$$.keys, $3); }
;

arglist_opt:
	%empty { $$ = (ArgBuild){0}; }
|	arglist
|	arglist COMMA {
		$$ = $1;
		for (int i = 0; i < $$.args.len; i++)
			if ($$.args.items[i]->kind == EXPR_GENEXP && !$$.args.items[i]->parenthesized)
				error_at(p->diag, $$.args.items[i]->range,
				         "Generator expression must be parenthesized");
	}
;

/* argument = test [comp_for] | NAME '=' test | '*' test | '**' test */
arglist:
	test { $$ = (ArgBuild){0}; add_arg(p, &$$, $1); }
|	test comp_clauses {
		$$ = (ArgBuild){0};
		add_arg(p, &$$, comprehension(p, EXPR_GENEXP, NULL, $1, $2, @$));
	}
|	keyword_arg { $$ = (ArgBuild){0}; add_keyword(p, &$$, $1); }
|	STAR test { unsupported(p, @1, "star-args ('*' in a call)"); $$ = (ArgBuild){0}; }
|	DOUBLESTAR test { unsupported(p, @1, "star-args ('**' in a call)"); $$ = (ArgBuild){0}; }
|	test COLONEQUAL test {
		unsupported(p, @2, "assignment expression (':=')");
		$$ = (ArgBuild){0};
	}
|	arglist COMMA test { $$ = $1; add_arg(p, &$$, $3); }
|	arglist COMMA test comp_clauses {
		/* Never alone in the call, so never valid without parentheses. */
		$$ = $1;
		error_at(p->diag, span(@3, @4), "Generator expression must be parenthesized");
	}
|	arglist COMMA keyword_arg { $$ = $1; add_keyword(p, &$$, $3); }
|	arglist COMMA STAR test { unsupported(p, @3, "star-args ('*' in a call)"); $$ = $1; }
|	arglist COMMA DOUBLESTAR test { unsupported(p, @3, "star-args ('**' in a call)"); $$ = $1; }
|	arglist COMMA test COLONEQUAL test {
		unsupported(p, @4, "assignment expression (':=')");
		$$ = $1;
	}
;

keyword_arg:
	test EQUAL test {
		$$ = arena_alloc(A, sizeof *$$);
		$$->value = $3;
		$$->range = R(@$);
		if ($1->kind != EXPR_NAME || $1->parenthesized) {
			error_at(p->diag, $1->range, "expression cannot contain assignment, "
			         "perhaps you meant \"==\"?");
			$$->name = "";
		} else {
			$$->name = $1->u.name.id;
		}
	}
;

%%

static Comprehension *comp_clause(Parser *p, Expr *target, Expr *iter)
{
	set_ctx(p, target, CTX_STORE);
	Comprehension *c = arena_alloc(A, sizeof *c);
	c->target = target;
	c->iter = iter;
	return c;
}

/* Implicit concatenation: two plain strings stay a Str; anything with an
 * f-string becomes one JoinedStr whose adjacent literals are merged. */
static Expr *concat_strings(Parser *p, Expr *a, Expr *b, YYLTYPE loc)
{
	if (a->kind == EXPR_STR && b->kind == EXPR_STR) {
		char *s = arena_alloc(A, a->u.str.len + b->u.str.len + 1);
		memcpy(s, a->u.str.s, a->u.str.len);
		memcpy(s + a->u.str.len, b->u.str.s, b->u.str.len);
		Expr *e = mkexpr(A, EXPR_STR, R(loc));
		e->u.str.s = s;
		e->u.str.len = a->u.str.len + b->u.str.len;
		return e;
	}
	Expr *j = mkexpr(A, EXPR_JOINEDSTR, R(loc));
	Expr *parts[2] = {a, b};
	for (int k = 0; k < 2; k++) {
		ExprList src = one_expr(p, parts[k]);
		if (parts[k]->kind == EXPR_JOINEDSTR)
			src = parts[k]->u.joined.values;
		for (int i = 0; i < src.len; i++) {
			Expr *x = src.items[i];
			Expr *last = j->u.joined.values.len ? j->u.joined.values.items[j->u.joined.values.len - 1] : NULL;
			if (x->kind == EXPR_STR && x->u.str.len == 0)
				continue;
			if (x->kind == EXPR_STR && last && last->kind == EXPR_STR)
				j->u.joined.values.items[j->u.joined.values.len - 1] =
					concat_strings(p, last, x, loc);
			else
				exprlist_push(A, &j->u.joined.values, x);
		}
	}
	return j;
}

int yylex(YYSTYPE *lval, YYLTYPE *lloc, Parser *p)
{
	Token t;
	int kind = lexer_next(p->lx, &t);
	lloc->first_line = t.range.line;
	lloc->first_column = t.range.col;
	lloc->last_line = t.range.end_line;
	lloc->last_column = t.range.end_col;
	if (kind == TOK_NAME)
		lval->name = t.text;
	else if (kind == TOK_INT || kind == TOK_FLOAT || kind == TOK_STRING)
		lval->expr = t.value;
	return kind;
}

const char *token_name(int kind)
{
	return yysymbol_name(YYTRANSLATE(kind));
}

/* Bison's detailed message reads "syntax error, unexpected X[, expecting
 * A[ or B]...]" (at most four expected tokens). Say it the way CPython and
 * clang do instead: "expected ':'", "unexpected indent", "invalid syntax". */
void yyerror(YYLTYPE *loc, Parser *p, const char *msg)
{
	SrcRange r = R(*loc);
	Lexer *lx = p->lx;
	if (p->diag->last_error_line == r.line || lx->bracket_error || lx->end_reported)
		return; /* one error a line: the rest is usually fallout */
	if (strcmp(msg, "memory exhausted") == 0) {
		error_at(p->diag, r, "too deeply nested: the parser's stack is exhausted");
		return;
	}
	const char *unexpected = strstr(msg, "unexpected ");
	const char *expecting = strstr(msg, ", expecting ");
	char what[64] = "";
	if (unexpected) {
		unexpected += strlen("unexpected ");
		size_t n = expecting ? (size_t)(expecting - unexpected) : strlen(unexpected);
		snprintf(what, sizeof what, "%.*s", (int)n, unexpected);
	}
	if (p->recovering && (strcmp(what, "'else'") == 0 || strcmp(what, "'elif'") == 0 ||
	                      strcmp(what, "'except'") == 0 || strcmp(what, "'finally'") == 0))
		return; /* a clause of the statement that failed */
	if (lx->nparens > 0 && lx->parens[lx->nparens - 1].at.line < r.line) {
		/* A bracket left open on an earlier line explains the error
		 * better than the token where parsing failed, as in CPython. */
		error_at(p->diag, lx->parens[lx->nparens - 1].at, "'%c' was never closed",
		         lx->parens[lx->nparens - 1].ch);
		lx->bracket_error = true;
	} else if ((strcmp(what, "newline") == 0 || strcmp(what, "end of file") == 0) &&
	           !lx->colon_seen && lexer_block_name(lx->stmt_kind)) {
		error_at(p->diag, r, "expected ':'");
	} else if (strcmp(what, "'as'") == 0 && lx->stmt_kind == TOK_WITH && lx->nparens > 0) {
		error_at(p->diag, r, "unsupported: parenthesized context managers with 'as'; "
		         "write 'with a as x, b as y:'");
	} else if (strcmp(what, "'='") == 0 && (lx->stmt_kind == TOK_IF ||
	           lx->stmt_kind == TOK_ELIF || lx->stmt_kind == TOK_WHILE)) {
		error_at(p->diag, r, "invalid syntax; maybe you meant '==' instead of '='?");
	} else if (expecting) {
		/* "A or B or C" reads better as "A, B or C". */
		StrBuf b;
		sb_init(&b);
		const char *list = expecting + strlen(", expecting ");
		const char *last = NULL;
		for (const char *s = strstr(list, " or "); s; s = strstr(s + 4, " or "))
			last = s;
		for (const char *s = list; *s; s++) {
			if (strncmp(s, " or ", 4) == 0 && s != last) {
				sb_puts(&b, ", ");
				s += 3;
			} else {
				sb_putc(&b, *s);
			}
		}
		/* try: needs an except or finally block, in CPython's words. */
		bool block = strcmp(b.data, "'except' or 'finally'") == 0;
		error_at(p->diag, r, "expected %s%s", b.data, block ? " block" : "");
		sb_free(&b);
	} else if (strcmp(what, "unindent") == 0) {
		error_at(p->diag, r, "unexpected unindent");
	} else {
		error_at(p->diag, r, "invalid syntax");
	}
}

Module *parse_module(Arena *a, DiagEngine *d, const SourceFile *src)
{
	Lexer lx;
	lexer_init(&lx, a, d, src->text, src->len, 1, 1, false);
	Parser p = {.arena = a, .diag = d, .lx = &lx, .module = arena_alloc(a, sizeof(Module))};
	yyparse(&p);
	return p.module;
}

Expr *parse_fstring_field(Arena *a, DiagEngine *d, const char *text,
                          size_t len, int line, int col)
{
	Lexer lx;
	lexer_init(&lx, a, d, text, len, line, col, true);
	Parser p = {.arena = a, .diag = d, .lx = &lx, .module = arena_alloc(a, sizeof(Module))};
	if (yyparse(&p) != 0 || !p.result)
		return mkexpr(a, EXPR_NONE, (SrcRange){line, col, line, col + 1});
	return p.result;
}

void dump_tokens(StrBuf *out, Arena *a, DiagEngine *d, const SourceFile *src)
{
	Lexer lx;
	lexer_init(&lx, a, d, src->text, src->len, 1, 1, false);
	Token t;
	do {
		lexer_next(&lx, &t);
		sb_printf(out, "%s", token_name(t.kind));
		if (t.kind == TOK_NAME)
			sb_printf(out, " %s", t.text);
		else if (t.kind == TOK_INT)
			sb_printf(out, " %s", t.value->u.int_.digits);
		else if (t.kind == TOK_FLOAT)
			sb_printf(out, " %s", t.value->u.float_.text);
		sb_printf(out, " <%d:%d-%d:%d>\n", t.range.line, t.range.col,
		          t.range.end_line, t.range.end_col);
		if (t.kind == TOK_STRING)
			ast_dump_expr(out, t.value, 1); /* the literal's value */
	} while (t.kind != 0);
}
