# Reference: Gould-Fernandez brokerage by R's sna (Debian r-cran-sna). Reads a JSON-free plain format:
#   argv[1]: file with "n" on the first line, then group labels (one per line, node order), then arcs "i j" (1-based).
# Writes JSON: raw.nli, exp.nli, z.nli (rows in node order; NaN/Inf as null), raw.gli, exp.gli, z.gli.
suppressMessages(library(sna))
args <- commandArgs(trailingOnly = TRUE)
lines <- readLines(args[1])
n <- as.integer(lines[1])
cl <- lines[2:(n + 1)]
arcs <- lines[-(1:(n + 1))]
arcs <- arcs[nchar(arcs) > 0]
el <- if (length(arcs)) do.call(rbind, lapply(strsplit(arcs, " "), as.numeric)) else matrix(0, 0, 2)
el <- cbind(el, rep(1, NROW(el)))
attr(el, "n") <- n
b <- brokerage(el, cl)
num <- function(x) ifelse(is.finite(x), format(x, digits = 17), "null")
mat <- function(m) paste0("[", paste(apply(m, 1, function(r) paste0("[", paste(num(r), collapse = ","), "]")), collapse = ","), "]")
vec <- function(v) paste0("[", paste(num(v), collapse = ","), "]")
cat(paste0('{"raw":', mat(b$raw.nli), ',"exp":', mat(b$exp.nli), ',"z":', mat(b$z.nli),
           ',"rawG":', vec(b$raw.gli), ',"expG":', vec(b$exp.gli), ',"zG":', vec(b$z.gli), '}'))
