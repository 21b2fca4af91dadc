"""The build machinery that makes a build faster, never different."""
