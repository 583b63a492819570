"""Format readers behind `newsfacts.read`: bytes to text, front matter, HTML, JSON Lines and zip archives."""
