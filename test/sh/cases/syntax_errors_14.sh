echo x >
