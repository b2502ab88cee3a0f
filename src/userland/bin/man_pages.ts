// Short manual pages for the kmod tools (condensed from kmod's own man/*.scd), in man's
// source-ish form: section headings at column 0, body lines as they are indented.
export interface ManPage {
  name: string;
  section: number;
  /** whatis line: "name - summary". */
  summary: string;
  body: string;
}

const SEE_ALSO_KMOD = 'modprobe(8), insmod(8), rmmod(8), lsmod(8), modinfo(8), depmod(8), modprobe.d(5)';

export const MAN_PAGES: ManPage[] = [
  {
    name: 'modprobe', section: 8, summary: 'Add and remove modules from the Linux Kernel',
    body: `SYNOPSIS
modprobe [-v] [-V] [-C config-file] [-n] [-i] [-q] [-b] modulename [module parameters]
modprobe [-r] [-v] [-n] [-i] modulename
modprobe [-c]

DESCRIPTION
modprobe intelligently adds or removes a module from the Linux kernel: there is no difference between _ and - in module names. It looks in /lib/modules/$(uname -r) for the modules and their modules.dep, and in /etc/modprobe.d for aliases, options, install/remove commands and blacklists (see modprobe.d(5)).

The kernel itself runs "/sbin/modprobe -q -- NAME" when it needs a module it does not have (request_module()): the path is in /proc/sys/kernel/modprobe, and the request goes through the usermode helper (the "khelper" workqueue on 2.6 kernels).

OPTIONS
-a, --all
    Insert all module names on the command line.
-b, --use-blacklist
    Apply the blacklist commands to module names as well (used by udev).
-C, --config directory
    Override the default configuration directory.
-c, --show-config
    Print out the effective configuration and exit.
-D, --show-depends
    List the dependencies of a module, including the module itself.
-f, --force
    Ignore version magic and module versions (dangerous).
-i, --ignore-install, --ignore-remove
    Ignore install and remove commands in the configuration.
-n, --dry-run, --show
    Do everything but actually insert or delete the modules.
-q, --quiet
    Do not complain about a module that cannot be found.
-r, --remove
    Remove a module, and its dependencies if they became unused.
-v, --verbose
    Print messages about what the program is doing.
-V, --version
    Show version of program and exit.

EXIT STATUS
0 on success, 1 if a module could not be inserted or removed.

SEE ALSO
modprobe.d(5), insmod(8), rmmod(8), lsmod(8), modinfo(8), depmod(8)`,
  },
  {
    name: 'insmod', section: 8, summary: 'Simple program to insert a module into the Linux Kernel',
    body: `SYNOPSIS
insmod [OPTIONS] filename [module options]

DESCRIPTION
insmod is a trivial program to insert a module into the kernel. Most users will want to use modprobe(8) instead, which is more clever and can handle module dependencies.

Only the most general of error messages are reported: as the work of trying to link the module is now done inside the kernel, dmesg(1) usually gives more information about errors.

OPTIONS
-f, --force
    Tell the kernel to ignore the module version and vermagic fields (dangerous).
-s, --syslog
    Send errors to syslog instead of standard error.
-v, --verbose
    Print messages about what the program is doing.
-V, --version
    Show version of program and exit.

SEE ALSO
modprobe(8), rmmod(8), lsmod(8), modinfo(8), depmod(8)`,
  },
  {
    name: 'rmmod', section: 8, summary: 'Simple program to remove a module from the Linux Kernel',
    body: `SYNOPSIS
rmmod [OPTIONS] modulenames

DESCRIPTION
rmmod is a trivial program to remove a module or a list of modules from the kernel. Most users will want to use modprobe(8) with the -r option instead since it removes unused dependent modules as well.

If a module is not found, rmmod exits with an error. Should a removal fail (the module is in use, for example), rmmod logs an error and continues with the next module.

OPTIONS
-f, --force
    Remove modules that are in use or not designed to be removed (needs CONFIG_MODULE_FORCE_UNLOAD).
-s, --syslog
    Send errors to syslog instead of standard error.
-v, --verbose
    Print messages about what the program is doing.
-V, --version
    Show version of program and exit.

SEE ALSO
modprobe(8), insmod(8), lsmod(8), modinfo(8), depmod(8)`,
  },
  {
    name: 'lsmod', section: 8, summary: 'Show the status of modules in the Linux Kernel',
    body: `SYNOPSIS
lsmod [OPTIONS]

DESCRIPTION
lsmod is a trivial program which nicely formats the contents of /proc/modules, showing what kernel modules are currently loaded: name, size, use count and the modules using each one.

OPTIONS
-s, --syslog
    Send errors to syslog instead of standard error.
-v, --verbose
    Print messages about what the program is doing.
-V, --version
    Show version of program and exit.

SEE ALSO
insmod(8), modprobe(8), modinfo(8), depmod(8)`,
  },
  {
    name: 'modinfo', section: 8, summary: 'Show information about a Linux Kernel module',
    body: `SYNOPSIS
modinfo [-0] [-F field] [-k kernel] modulename|filename

DESCRIPTION
modinfo extracts information from the Linux Kernel modules given on the command line. If the module name is not a filename, then /lib/modules/version is searched, as modprobe(8) does when loading modules.

By default it lists each attribute of the module in the form fieldname : value: filename, alias, depends, description, license, parm and so on.

OPTIONS
-F, --field
    Only print this field value, one per line.
-k kernel
    Provide information about a kernel other than the running one.
-0, --null
    Use the ASCII zero character to separate field values.
-a, -d, -l, -p, -n
    Shortcuts for the author, description, license, parm and filename fields.

SEE ALSO
modprobe(8)`,
  },
  {
    name: 'depmod', section: 8, summary: 'Generate modules.dep and map files.',
    body: `SYNOPSIS
depmod [-b basedir] [-e] [-E Module.symvers] [-F System.map] [-n] [-v] [-A] [-P prefix] [-w] [version]

DESCRIPTION
Modules can provide symbols for other modules; a module using a symbol depends on the module exporting it. depmod reads every module under /lib/modules/version, works out these dependencies, and writes them to modules.dep (and modules.dep.bin), with the aliases in modules.alias and the exported symbols in modules.symbols. modprobe(8) uses these files to load a module together with what it needs.

OPTIONS
-a, --all
    Probe all modules. This option is enabled by default if no file names are given.
-A, --quick
    Only rebuild if a module is newer than modules.dep.
-b, --basedir basedir
    Use this directory as the root of the module tree.
-n, --show, --dry-run
    Write the results to standard output instead of the modules directory.
-v, --verbose
    Print out the symbols each module depends on and where they come from.

SEE ALSO
modprobe(8), modules.dep(5)`,
  },
  {
    name: 'modprobe.d', section: 5, summary: 'Configuration directory for modprobe',
    body: `SYNOPSIS
/etc/modprobe.d/*.conf
/run/modprobe.d/*.conf
/lib/modprobe.d/*.conf

DESCRIPTION
The configuration files say which options to use with modules, give them convenient aliases, or override what modprobe does for them. Files are read in lexical order; one command per line, blank lines and lines starting with '#' ignored, and a '\\' at the end of a line continues it.

COMMANDS
alias wildcard modulename
    An alternate name for a module, e.g. "alias net-pf-10 ipv6". The kernel asks for such names (fs-vfat, char-major-99-0, net-pf-10) through request_module().
blacklist modulename
    Ignore the module's own aliases (the module can still be loaded by its name).
install modulename command...
    Run the shell command instead of inserting the module; $CMDLINE_OPTS holds its options.
options modulename option...
    Add options to the module when it is inserted.
remove modulename command...
    Run the command instead of removing the module.
softdep modulename pre: modules... post: modules...
    Load other modules before (pre:) or after (post:) this one.

SEE ALSO
modprobe(8)`,
  },
  {
    name: 'kmod', section: 8, summary: 'Program to manage Linux Kernel modules',
    body: `SYNOPSIS
kmod [OPTIONS...] [COMMAND] [COMMAND_OPTIONS...]

DESCRIPTION
kmod is a multi-call binary which implements the programs used to control Linux Kernel modules. Most users will only run it using its other names: modprobe, insmod, rmmod, lsmod, modinfo and depmod are links to it.

COMMANDS
help
    Show the help message.
list
    List the currently loaded modules.
static-nodes
    Output the static device nodes information provided by the modules of the currently running kernel version.

SEE ALSO
${SEE_ALSO_KMOD}`,
  },
];
