import Glibc

/// Guards file descriptors 0, 1 and 2. A process started with one of them closed (`sluice
/// a.txt - <&-`) would otherwise get it back from its next `open`: the input file opened
/// as descriptor 0 would then also be read as standard input, or, as descriptor 1, be
/// written to. Each closed one is taken by `/dev/null` opened read-only, so that reading a
/// closed standard input is refused (see ``standardInputWasClosed``) and writing to a
/// closed standard output fails with an error, as it should.
enum StandardDescriptors {
    /// True when descriptor 0 was closed when sluice started: `-` is then an input error.
    /// The first use (at startup, from `Sluice.main`) does the guarding.
    static let standardInputWasClosed: Bool = {
        var inputWasClosed = false
        for descriptor in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            if descriptor == STDIN_FILENO { inputWasClosed = true }
            // open returns the lowest free descriptor: this one.
            let opened = open("/dev/null", O_RDONLY)
            if opened != descriptor, opened >= 0 { close(opened) }
        }
        return inputWasClosed
    }()
}
