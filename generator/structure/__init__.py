"""The site model (MkDocs' "structure"): documents arranged into a tree with their URLs; lineage,
comparisons, versions and the publication ledger."""
