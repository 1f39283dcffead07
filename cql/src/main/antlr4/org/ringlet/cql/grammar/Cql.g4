/*
 * The CQL grammar. Keywords are case-insensitive; unquoted identifiers are folded to lower case by the AST
 * builder, quoted identifiers keep their case. Reserved keywords (see Identifiers in core-api) can only be used
 * as identifiers when quoted; the other keywords are also identifiers (unreservedKeyword).
 *
 * The parse tree is turned into the immutable AST of org.ringlet.cql.ast by org.ringlet.cql.parser.AstBuilder;
 * nothing here has actions, so the grammar stays readable and the generated parser stays generic.
 */
grammar Cql;

options { caseInsensitive = true; }

// ------------------------------------------------------------------------------------------------ statements

root
    : statement SEMI* EOF
    ;

statement
    : selectStatement
    | insertStatement
    | updateStatement
    | deleteStatement
    | batchStatement
    | useStatement
    | truncateStatement
    | createKeyspaceStatement
    | alterKeyspaceStatement
    | dropKeyspaceStatement
    | createTableStatement
    | alterTableStatement
    | dropTableStatement
    | createTypeStatement
    | alterTypeStatement
    | dropTypeStatement
    | createIndexStatement
    | dropIndexStatement
    | describeStatement
    ;

useStatement
    : K_USE keyspaceName
    ;

// SELECT ---------------------------------------------------------------------------------------------------

selectStatement
    : K_SELECT K_JSON? K_DISTINCT? selectClause
      K_FROM tableName
      (K_WHERE whereClause)?
      (K_GROUP K_BY groupByClause)?
      (K_ORDER K_BY orderByClause)?
      (K_PER K_PARTITION K_LIMIT intValue)?
      (K_LIMIT intValue)?
      (K_ALLOW K_FILTERING)?
    ;

selectClause
    : STAR
    | selector (COMMA selector)*
    ;

selector
    : selectionExpr (K_AS ident)?
    ;

selectionExpr
    : MINUS selectionExpr                                              # selectionNegation
    | selectionExpr op=(STAR | SLASH | PERCENT) selectionExpr          # selectionMultiplication
    | selectionExpr op=(PLUS | MINUS) selectionExpr                    # selectionAddition
    | selectionPrimary                                                 # selectionSimple
    ;

selectionPrimary
    : K_COUNT LPAREN STAR RPAREN                                       # countStar
    | K_CAST LPAREN selectionExpr K_AS ident RPAREN                    # cast
    | kind=(K_WRITETIME | K_MAXWRITETIME | K_TTL) LPAREN ident
        (LBRACKET (element=term | from=term RANGE to=term? | RANGE to=term) RBRACKET)? RPAREN # writetimeOrTtl
    | functionName LPAREN (selectionExpr (COMMA selectionExpr)*)? RPAREN # selectionFunction
    | LPAREN cqlType RPAREN selectionPrimary                           # selectionTypeHint
    | selectionPrimary DOT ident                                       # fieldSelection
    | selectionPrimary LBRACKET term RBRACKET                          # elementSelection
    | selectionPrimary LBRACKET (term RANGE term? | RANGE term) RBRACKET # sliceSelection
    | value                                                            # selectionValue
    | ident                                                            # columnSelection
    | LPAREN selectionExpr RPAREN                                      # selectionParenthesis
    ;

whereClause
    : relation (K_AND relation)*
    ;

relation
    : ident relationOperator term                                               # simpleRelation
    | K_TOKEN LPAREN ident (COMMA ident)* RPAREN relationOperator term          # tokenRelation
    | ident K_IN inValues                                                       # inRelation
    | ident K_CONTAINS K_KEY? term                                              # containsRelation
    | ident LBRACKET term RBRACKET relationOperator term                        # mapElementRelation
    | ident K_IS K_NOT K_NULL                                                   # isNotNullRelation
    | ident K_LIKE term                                                         # likeRelation
    | identTuple K_IN (LPAREN (tupleOfTerms (COMMA tupleOfTerms)*)? RPAREN | bindMarker) # multiColumnInRelation
    | identTuple relationOperator (tupleOfTerms | bindMarker)                   # multiColumnRelation
    | LPAREN relation RPAREN                                                    # parenthesizedRelation
    ;

relationOperator
    : EQ | LT | LTE | GT | GTE | NEQ
    ;

inValues
    : LPAREN (term (COMMA term)*)? RPAREN
    | bindMarker
    ;

identTuple
    : LPAREN ident (COMMA ident)* RPAREN
    ;

tupleOfTerms
    : LPAREN term (COMMA term)* RPAREN
    | bindMarker
    ;

groupByClause
    : selectionExpr (COMMA selectionExpr)*
    ;

orderByClause
    : ordering (COMMA ordering)*
    ;

ordering
    : ident (K_ASC | K_DESC)?
    ;

intValue
    : INTEGER
    | bindMarker
    ;

// INSERT / UPDATE / DELETE / BATCH ---------------------------------------------------------------------------

insertStatement
    : K_INSERT K_INTO tableName
      ( LPAREN ident (COMMA ident)* RPAREN K_VALUES LPAREN term (COMMA term)* RPAREN
      | K_JSON term (K_DEFAULT (K_NULL | K_UNSET))? )
      ifNotExists?
      usingClause?
    ;

usingClause
    : K_USING usingOption (K_AND usingOption)*
    ;

usingOption
    : K_TIMESTAMP intValue
    | K_TTL intValue
    ;

updateStatement
    : K_UPDATE tableName usingClause?
      K_SET assignment (COMMA assignment)*
      K_WHERE whereClause
      updateConditions?
    ;

assignment
    : ident EQ term                                          # setAssignment
    | ident EQ ident op=(PLUS | MINUS) term                  # columnArithmeticAssignment
    | ident EQ term PLUS ident                               # prependAssignment
    | ident op=(PLUS_EQ | MINUS_EQ) term                     # compoundAssignment
    | ident LBRACKET term RBRACKET EQ term                   # elementAssignment
    | ident DOT ident EQ term                                # fieldAssignment
    ;

updateConditions
    : K_IF K_EXISTS
    | K_IF condition (K_AND condition)*
    ;

condition
    : ident relationOperator term
    | ident K_IN inValues
    | ident LBRACKET term RBRACKET relationOperator term
    | ident LBRACKET term RBRACKET K_IN inValues
    | ident DOT ident relationOperator term
    | ident K_CONTAINS K_KEY? term
    ;

deleteStatement
    : K_DELETE (deleteSelection (COMMA deleteSelection)*)?
      K_FROM tableName
      (K_USING K_TIMESTAMP intValue)?
      K_WHERE whereClause
      updateConditions?
    ;

deleteSelection
    : ident
    | ident LBRACKET term RBRACKET
    | ident DOT ident
    ;

batchStatement
    : K_BEGIN (K_UNLOGGED | K_COUNTER)? K_BATCH usingClause?
      (batchChild SEMI?)*
      K_APPLY K_BATCH
    ;

batchChild
    : insertStatement
    | updateStatement
    | deleteStatement
    ;

truncateStatement
    : K_TRUNCATE (K_COLUMNFAMILY | K_TABLE)? tableName
    ;

// DDL --------------------------------------------------------------------------------------------------------

ifNotExists
    : K_IF K_NOT K_EXISTS
    ;

ifExists
    : K_IF K_EXISTS
    ;

createKeyspaceStatement
    : K_CREATE K_KEYSPACE ifNotExists? keyspaceName K_WITH properties
    ;

alterKeyspaceStatement
    : K_ALTER K_KEYSPACE ifExists? keyspaceName K_WITH properties
    ;

dropKeyspaceStatement
    : K_DROP K_KEYSPACE ifExists? keyspaceName
    ;

createTableStatement
    : K_CREATE (K_COLUMNFAMILY | K_TABLE) ifNotExists? tableName
      LPAREN tableElement (COMMA tableElement?)* RPAREN
      (K_WITH tableOption (K_AND tableOption)*)?
    ;

tableElement
    : ident cqlType K_STATIC? (K_PRIMARY K_KEY)?                     # columnDefinition
    | K_PRIMARY K_KEY LPAREN partitionKeyDefinition (COMMA ident)* RPAREN # primaryKeyDefinition
    ;

partitionKeyDefinition
    : ident
    | LPAREN ident (COMMA ident)* RPAREN
    ;

tableOption
    : property
    | K_COMPACT K_STORAGE
    | K_CLUSTERING K_ORDER K_BY LPAREN ordering (COMMA ordering)* RPAREN
    ;

alterTableStatement
    : K_ALTER (K_COLUMNFAMILY | K_TABLE) ifExists? tableName alterTableInstruction
    ;

alterTableInstruction
    : K_ALTER ident K_TYPE cqlType                                        # alterColumnType
    | K_ADD ifNotExists? (addedColumn | LPAREN addedColumn (COMMA addedColumn)* RPAREN) # addColumns
    | K_DROP ifExists? (ident | LPAREN ident (COMMA ident)* RPAREN) (K_USING K_TIMESTAMP INTEGER)? # dropColumns
    | K_DROP K_COMPACT K_STORAGE                                          # dropCompactStorage
    | K_RENAME ifExists? ident K_TO ident (K_AND ident K_TO ident)*      # renameColumns
    | K_WITH properties                                                   # alterOptions
    ;

addedColumn
    : ident cqlType K_STATIC?
    ;

dropTableStatement
    : K_DROP (K_COLUMNFAMILY | K_TABLE) ifExists? tableName
    ;

createTypeStatement
    : K_CREATE K_TYPE ifNotExists? userTypeName LPAREN typeField (COMMA typeField)* RPAREN
    ;

typeField
    : ident cqlType
    ;

alterTypeStatement
    : K_ALTER K_TYPE ifExists? userTypeName alterTypeInstruction
    ;

alterTypeInstruction
    : K_ADD ifNotExists? ident cqlType                                    # addField
    | K_RENAME ifExists? ident K_TO ident (K_AND ident K_TO ident)*      # renameFields
    | K_ALTER ident K_TYPE cqlType                                        # alterFieldType
    ;

dropTypeStatement
    : K_DROP K_TYPE ifExists? userTypeName
    ;

createIndexStatement
    : K_CREATE K_CUSTOM? K_INDEX ifNotExists? ident? K_ON tableName LPAREN indexTarget? (COMMA indexTarget)* RPAREN
      (K_USING STRING_LITERAL)? (K_WITH properties)?
    ;

indexTarget
    : ident
    | kind=(K_KEYS | K_ENTRIES | K_FULL | K_VALUES) LPAREN ident RPAREN
    ;

dropIndexStatement
    : K_DROP K_INDEX ifExists? qualifiedName
    ;

// DESCRIBE (server-side, as Cassandra 4.0+) ----------------------------------------------------------------------

describeStatement
    : (K_DESCRIBE | K_DESC) describeTarget (K_WITH K_INTERNALS)?
    ;

describeTarget
    : K_FULL? K_SCHEMA                                                    # describeSchema
    | K_CLUSTER                                                           # describeCluster
    | K_KEYSPACES                                                         # describeKeyspaces
    | K_ONLY? K_KEYSPACE keyspaceName?                                    # describeKeyspace
    | K_TABLES                                                            # describeTables
    | (K_COLUMNFAMILY | K_TABLE) tableName                                # describeTable
    | K_INDEX tableName                                                   # describeIndex
    | K_MATERIALIZED K_VIEW tableName                                     # describeView
    | K_TYPES                                                             # describeTypes
    | K_TYPE userTypeName                                                 # describeType
    | K_FUNCTIONS                                                         # describeFunctions
    | K_FUNCTION functionName                                             # describeFunction
    | K_AGGREGATES                                                        # describeAggregates
    | K_AGGREGATE functionName                                            # describeAggregate
    | qualifiedName                                                       # describeGeneric
    ;

properties
    : property (K_AND property)*
    ;

// two alternatives, as Cassandra's grammar has them, so that a missing '=' is reported as it reports it
property
    : ident EQ propertyValue
    | ident EQ mapLiteral
    ;

propertyValue
    : constant
    | unreservedKeyword
    ;

// ------------------------------------------------------------------------------------------------ terms

term
    : term op=(STAR | SLASH | PERCENT) term          # termMultiplication
    | term op=(PLUS | MINUS) term                    # termAddition
    | MINUS term                                     # termNegation
    | simpleTerm                                     # termSimple
    ;

simpleTerm
    : value                                          # termValue
    | functionName LPAREN (term (COMMA term)*)? RPAREN # termFunction
    | LPAREN cqlType RPAREN simpleTerm               # termTypeHint
    ;

value
    : constant                                       # constantValue
    | collectionLiteral                              # collectionValue
    | userTypeLiteral                                # userTypeValue
    | tupleLiteral                                   # tupleValue
    | K_NULL                                         # nullValue
    | bindMarker                                     # bindMarkerValue
    ;

bindMarker
    : QMARK                                          # positionalMarker
    | COLON ident                                    # namedMarker
    ;

constant
    : STRING_LITERAL
    | INTEGER
    | FLOAT
    | BOOLEAN
    | DURATION
    | ISO_DURATION
    | UUID
    | HEXNUMBER
    | MINUS? K_NAN
    | MINUS? K_INFINITY
    ;

collectionLiteral
    : LBRACKET (term (COMMA term)*)? RBRACKET         # listLiteral
    | LBRACE term (COMMA term)* RBRACE                # setLiteral
    | mapLiteral                                      # mapLiteralValue
    ;

mapLiteral
    : LBRACE (term COLON term (COMMA term COLON term)*)? RBRACE
    ;

userTypeLiteral
    : LBRACE ident COLON term (COMMA ident COLON term)* RBRACE
    ;

tupleLiteral
    : LPAREN term (COMMA term)* RPAREN
    ;

functionName
    : (keyspaceName DOT)? functionIdent
    ;

// As Cassandra: writetime, maxwritetime, ttl, key, cast, json and distinct cannot name functions.
functionIdent
    : IDENT
    | QUOTED_NAME
    | unreservedFunctionKeyword
    | K_TOKEN
    | K_COUNT
    ;

unreservedFunctionKeyword
    : K_AS | K_CLUSTERING | K_COMPACT | K_CONTAINS | K_COUNTER | K_CUSTOM | K_EXISTS | K_FILTERING | K_FROZEN
    | K_GROUP | K_KEYS | K_KEYSPACES | K_LIKE | K_LIST | K_MAP | K_PARTITION | K_PER | K_STATIC | K_STORAGE
    | K_TIMESTAMP | K_TUPLE | K_TYPE | K_VALUES | K_VECTOR
    ;

// ------------------------------------------------------------------------------------------------ types

cqlType
    : K_SET LT cqlType GT                                      # setType
    | ident LT typeArgument (COMMA typeArgument)* GT           # parameterizedType
    | (keyspaceName DOT)? ident                                # namedType
    | STRING_LITERAL                                           # customType
    ;

typeArgument
    : cqlType
    | INTEGER
    ;

// ------------------------------------------------------------------------------------------------ names

keyspaceName
    : ident
    ;

tableName
    : (keyspaceName DOT)? ident
    ;

userTypeName
    : (keyspaceName DOT)? ident
    ;

qualifiedName
    : (keyspaceName DOT)? ident
    ;

ident
    : IDENT
    | QUOTED_NAME
    | unreservedKeyword
    ;

unreservedKeyword
    : K_AS | K_CAST | K_CLUSTERING | K_COMPACT | K_CONTAINS | K_COUNT | K_COUNTER | K_CUSTOM | K_DISTINCT
    | K_EXISTS | K_FILTERING | K_FROZEN | K_GROUP | K_JSON | K_KEY | K_KEYS | K_KEYSPACES | K_LIKE | K_LIST
    | K_MAP | K_MAXWRITETIME | K_PARTITION | K_PER | K_STATIC | K_STORAGE | K_TIMESTAMP | K_TTL | K_TUPLE
    | K_TYPE | K_VALUES | K_WRITETIME | K_VECTOR | K_AGGREGATE | K_AGGREGATES | K_CLUSTER | K_FUNCTION
    | K_FUNCTIONS | K_INTERNALS | K_ONLY | K_TABLES | K_TYPES
    ;

// ------------------------------------------------------------------------------------------------ lexer

// Reserved keywords.
K_ADD: 'ADD';
K_ALLOW: 'ALLOW';
K_ALTER: 'ALTER';
K_AND: 'AND';
K_APPLY: 'APPLY';
K_ASC: 'ASC';
K_BATCH: 'BATCH';
K_BEGIN: 'BEGIN';
K_BY: 'BY';
K_COLUMNFAMILY: 'COLUMNFAMILY';
K_CREATE: 'CREATE';
K_DEFAULT: 'DEFAULT';
K_DELETE: 'DELETE';
K_DESC: 'DESC';
K_DESCRIBE: 'DESCRIBE';
K_DROP: 'DROP';
K_ENTRIES: 'ENTRIES';
K_FROM: 'FROM';
K_FULL: 'FULL';
K_IF: 'IF';
K_IN: 'IN';
K_INDEX: 'INDEX';
K_INFINITY: 'INFINITY';
K_INSERT: 'INSERT';
K_INTO: 'INTO';
K_IS: 'IS';
K_KEYSPACE: 'KEYSPACE';
K_LIMIT: 'LIMIT';
K_MATERIALIZED: 'MATERIALIZED';
K_NAN: 'NAN';
K_NOT: 'NOT';
K_NULL: 'NULL';
K_ON: 'ON';
K_OR: 'OR';
K_ORDER: 'ORDER';
K_PRIMARY: 'PRIMARY';
K_RENAME: 'RENAME';
K_SCHEMA: 'SCHEMA';
K_SELECT: 'SELECT';
K_SET: 'SET';
K_TABLE: 'TABLE';
K_TO: 'TO';
K_TOKEN: 'TOKEN';
K_TRUNCATE: 'TRUNCATE';
K_UNLOGGED: 'UNLOGGED';
K_UNSET: 'UNSET';
K_UPDATE: 'UPDATE';
K_USE: 'USE';
K_USING: 'USING';
K_VIEW: 'VIEW';
K_WHERE: 'WHERE';
K_WITH: 'WITH';

// Unreserved keywords (also identifiers).
K_AGGREGATE: 'AGGREGATE';
K_AGGREGATES: 'AGGREGATES';
K_AS: 'AS';
K_CAST: 'CAST';
K_CLUSTER: 'CLUSTER';
K_CLUSTERING: 'CLUSTERING';
K_COMPACT: 'COMPACT';
K_CONTAINS: 'CONTAINS';
K_COUNT: 'COUNT';
K_COUNTER: 'COUNTER';
K_CUSTOM: 'CUSTOM';
K_DISTINCT: 'DISTINCT';
K_EXISTS: 'EXISTS';
K_FILTERING: 'FILTERING';
K_FROZEN: 'FROZEN';
K_FUNCTION: 'FUNCTION';
K_FUNCTIONS: 'FUNCTIONS';
K_GROUP: 'GROUP';
K_INTERNALS: 'INTERNALS';
K_JSON: 'JSON';
K_KEY: 'KEY';
K_KEYS: 'KEYS';
K_KEYSPACES: 'KEYSPACES';
K_LIKE: 'LIKE';
K_LIST: 'LIST';
K_MAP: 'MAP';
K_MAXWRITETIME: 'MAXWRITETIME';
K_ONLY: 'ONLY';
K_PARTITION: 'PARTITION';
K_PER: 'PER';
K_STATIC: 'STATIC';
K_STORAGE: 'STORAGE';
K_TABLES: 'TABLES';
K_TIMESTAMP: 'TIMESTAMP';
K_TTL: 'TTL';
K_TUPLE: 'TUPLE';
K_TYPE: 'TYPE';
K_TYPES: 'TYPES';
K_VALUES: 'VALUES';
K_VECTOR: 'VECTOR';
K_WRITETIME: 'WRITETIME';

// Literals.
BOOLEAN: 'TRUE' | 'FALSE';

STRING_LITERAL
    : '\'' ( ~'\'' | '\'\'' )* '\''
    | '$$' .*? '$$'
    ;

QUOTED_NAME
    : '"' ( ~'"' | '""' )+ '"'
    ;

EMPTY_QUOTED_NAME
    : '""'
    ;

UUID
    : HEX HEX HEX HEX HEX HEX HEX HEX '-' HEX HEX HEX HEX '-' HEX HEX HEX HEX '-' HEX HEX HEX HEX '-'
      HEX HEX HEX HEX HEX HEX HEX HEX HEX HEX HEX HEX
    ;

HEXNUMBER
    : '0X' HEX*
    ;

// Durations: 1h30m (units in any case; their order is checked when the literal is converted), and the ISO 8601
// forms P1Y2M3DT4H5M6S, PT5M, P2W and P0001-02-03T04:05:06, upper case only as in Cassandra (anything else that
// looks like one, p1d or P1W2D, is an identifier).
DURATION
    : '-'? DIGIT+ DURATION_UNIT (DIGIT+ DURATION_UNIT)*
    ;

ISO_DURATION options { caseInsensitive = false; }
    : '-'? 'P' (ISO_DATE_PART ('T' ISO_TIME_PART?)? | 'T' ISO_TIME_PART)
    | '-'? 'P' DIGIT+ 'W'
    | '-'? 'P' DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT '-' DIGIT DIGIT 'T' DIGIT DIGIT ':' DIGIT DIGIT ':' DIGIT DIGIT
    ;

FLOAT
    : '-'? DIGIT+ EXPONENT
    // '1..3' (a slice) is 1, '..', 3, never the float '1.' then '.3'
    | '-'? DIGIT+ '.' {_input.LA(1) != '.'}? DIGIT* EXPONENT?
    ;

INTEGER
    : '-'? DIGIT+
    ;

IDENT
    : LETTER (LETTER | DIGIT | '_')*
    ;

// Punctuation.
RANGE: '..';
PLUS_EQ: '+=';
MINUS_EQ: '-=';
LTE: '<=';
GTE: '>=';
NEQ: '!=';
EQ: '=';
LT: '<';
GT: '>';
SEMI: ';';
COMMA: ',';
DOT: '.';
COLON: ':';
LPAREN: '(';
RPAREN: ')';
LBRACKET: '[';
RBRACKET: ']';
LBRACE: '{';
RBRACE: '}';
STAR: '*';
SLASH: '/';
PERCENT: '%';
PLUS: '+';
MINUS: '-';
QMARK: '?';

WS: [ \t\r\n]+ -> channel(HIDDEN);
LINE_COMMENT: ('--' | '//') ~[\r\n]* -> channel(HIDDEN);
BLOCK_COMMENT: '/*' .*? '*/' -> channel(HIDDEN);

fragment LETTER: [A-Z];
fragment DIGIT: [0-9];
fragment HEX: [0-9A-F];
fragment EXPONENT: 'E' [+-]? DIGIT+;
fragment ISO_DATE_PART options { caseInsensitive = false; }
    : DIGIT+ 'Y' (DIGIT+ 'M')? (DIGIT+ 'D')?
    | DIGIT+ 'M' (DIGIT+ 'D')?
    | DIGIT+ 'D'
    ;
fragment ISO_TIME_PART options { caseInsensitive = false; }
    : DIGIT+ 'H' (DIGIT+ 'M')? (DIGIT+ 'S')?
    | DIGIT+ 'M' (DIGIT+ 'S')?
    | DIGIT+ 'S'
    ;
fragment DURATION_UNIT
    : 'Y' | 'MO' | 'W' | 'D' | 'H' | 'M' | 'S' | 'MS' | 'US' | 'µS' | 'NS'
    ;
