// Placeholder entry point while the viewer is being written.
int main() { return 0; }
