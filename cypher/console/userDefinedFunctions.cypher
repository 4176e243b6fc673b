// The functions installed beside Cypher's built-in ones (plugins such as APOC), which the console refuses:
// only built-in functions, which neither write nor reach files or the network, run there.
// Parameters: none.
SHOW FUNCTIONS YIELD name, isBuiltIn
WHERE NOT isBuiltIn
RETURN name
