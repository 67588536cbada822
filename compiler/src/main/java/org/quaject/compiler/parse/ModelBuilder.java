package org.quaject.compiler.parse;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.antlr.v4.runtime.Token;
import org.quaject.compiler.diag.Diagnostics;
import org.quaject.compiler.diag.Position;
import org.quaject.compiler.diag.SourceFile;
import org.quaject.compiler.model.ArgumentValue;
import org.quaject.compiler.model.AssemblyBody;
import org.quaject.compiler.model.Callentry;
import org.quaject.compiler.model.Connection;
import org.quaject.compiler.model.Constant;
import org.quaject.compiler.model.DeviceRegister;
import org.quaject.compiler.model.Field;
import org.quaject.compiler.model.Initializer;
import org.quaject.compiler.model.Instance;
import org.quaject.compiler.model.IrqLine;
import org.quaject.compiler.model.Kernel;
import org.quaject.compiler.model.MemberRef;
import org.quaject.compiler.model.Name;
import org.quaject.compiler.model.OperandSize;
import org.quaject.compiler.model.Param;
import org.quaject.compiler.model.Program;
import org.quaject.compiler.model.QuajectClass;
import org.quaject.compiler.model.RegisterArg;
import org.quaject.compiler.model.Signature;
import org.quaject.compiler.model.Slot;
import org.quaject.compiler.model.StaticThread;
import org.quaject.compiler.model.TestCase;
import org.quaject.compiler.parse.antlr.QjParser;

/**
 * Builds the model from parse trees free of syntax errors. It keeps what was
 * written, duplicates and dangling names included, so that the checks can report
 * them with positions; the only errors it reports itself are numbers that no type
 * can hold, repeated kernel settings and main bodies, and declarations an imported
 * file may not make.
 */
public final class ModelBuilder {

    /** The kernel item that sizes the disk image's data area; a word, not a keyword, so `disk` can name things. */
    static final String DISK_ITEM = "disk";
    /** The kernel item that declares a static thread; a word too, so `thread` can name things. */
    static final String THREAD_ITEM = "thread";
    /** What a device type looks like: QEMU's device names are lower case, with '-'. */
    private static final Pattern DEVICE_TYPE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final Diagnostics diagnostics;
    private final List<QuajectClass> classes = new ArrayList<>();
    private final List<Kernel> kernels = new ArrayList<>();
    private final List<TestCase> tests = new ArrayList<>();
    private final CollectionDeclarations collections;
    private SourceFile file;

    public ModelBuilder(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.collections = new CollectionDeclarations(diagnostics);
    }

    public Program build(List<SourceLoader.ParsedFile> files) {
        for (SourceLoader.ParsedFile parsed : files) {
            file = parsed.source();
            for (QjParser.DeclarationContext decl : parsed.tree().declaration()) {
                declaration(decl, parsed.imported());
            }
        }
        return new Program(files.get(0).source(), List.copyOf(classes), List.copyOf(kernels), List.copyOf(tests));
    }

    private void declaration(QjParser.DeclarationContext decl, boolean imported) {
        if (decl.quajectDecl() != null) {
            QjParser.QuajectDeclContext q = decl.quajectDecl();
            classes.add(quajectClass(q.name, false, q.paramList(), q.member(), List.of()));
        } else if (decl.deviceDecl() != null) {
            QjParser.DeviceDeclContext d = decl.deviceDecl();
            classes.add(quajectClass(d.name, true, d.paramList(), d.member(), d.registerDecl()));
        } else if (decl.queueDecl() != null) {
            QjParser.QueueDeclContext q = decl.queueDecl();
            Name sharing = q.sharing != null ? name(q.sharing) : new Name("", position(q.close).plusColumns(1));
            collections.queue(name(q.name), OperandSize.fromTypeName(q.type.getText()), number(q.capacity, false),
                    sharing).ifPresent(c -> classes.add(writtenClass(c, name(q.name))));
        } else if (decl.stackDecl() != null) {
            QjParser.StackDeclContext st = decl.stackDecl();
            collections.stack(name(st.name), OperandSize.fromTypeName(st.type.getText()), number(st.capacity, false))
                    .ifPresent(c -> classes.add(writtenClass(c, name(st.name))));
        } else if (imported) {
            diagnostics.error(position(decl.getStart()),
                    "an imported file may declare only quajects, devices, queues and stacks; kernels and tests belong in the main file");
        } else if (decl.kernelDecl() != null) {
            kernels.add(kernel(decl.kernelDecl()));
        } else if (decl.testDecl() != null) {
            tests.add(test(decl.testDecl()));
        }
    }

    /**
     * The class a queue or stack declaration stands for, built from the source the
     * compiler writes for it; it carries the declaration's name and position.
     */
    private QuajectClass writtenClass(LockFreeCollection collection, Name declared) {
        SourceFile declaringFile = file;
        file = CollectionDeclarations.source(collection, declared);
        QjParser.QuajectDeclContext q = SourceLoader.parseWritten(file).declaration(0).quajectDecl();
        QuajectClass written = quajectClass(q.name, false, q.paramList(), q.member(), List.of());
        file = declaringFile;
        return new QuajectClass(declared, false, written.params(), written.fields(), written.callentries(),
                written.slots(), written.registers());
    }

    private QuajectClass quajectClass(Token name, boolean device, QjParser.ParamListContext paramList,
                                      List<QjParser.MemberContext> members, List<QjParser.RegisterDeclContext> registerDecls) {
        List<Param> params = new ArrayList<>();
        if (paramList != null) {
            for (QjParser.ParamDeclContext p : paramList.paramDecl()) {
                params.add(new Param(name(p.name), OperandSize.fromTypeName(p.type.getText()),
                        Optional.ofNullable(p.value).map(this::constant)));
            }
        }
        List<Field> fields = new ArrayList<>();
        List<Callentry> callentries = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        for (QjParser.MemberContext m : members) {
            if (m.fieldDecl() != null) {
                fields.add(field(m.fieldDecl()));
            } else if (m.callentryDecl() != null) {
                QjParser.CallentryDeclContext c = m.callentryDecl();
                callentries.add(new Callentry(name(c.name), signature(c.signature()), body(c.body()), c.inline != null,
                        c.interrupt != null));
            } else if (m.slotDecl() != null) {
                QjParser.SlotDeclContext s = m.slotDecl();
                Slot.Kind kind = s.kind.getType() == QjParser.CALLOUT ? Slot.Kind.CALLOUT : Slot.Kind.CALLBACK;
                slots.add(new Slot(kind, name(s.name), signature(s.signature()),
                        Optional.ofNullable(s.room).map(t -> number(t, false)), Optional.ofNullable(s.body()).map(this::body)));
            }
        }
        List<DeviceRegister> registers = new ArrayList<>();
        for (QjParser.RegisterDeclContext r : registerDecls) {
            registers.add(new DeviceRegister(name(r.name), number(r.offset, false)));
        }
        return new QuajectClass(name(name), device, params, fields, callentries, slots, registers);
    }

    private Field field(QjParser.FieldDeclContext f) {
        boolean array = f.getToken(QjParser.LBRACKET, 0) != null;
        Optional<Initializer> init = Optional.empty();
        QjParser.InitializerContext i = f.init;
        if (i != null) {
            if (i.STRING() != null) {
                init = Optional.of(new Initializer.Text(Strings.bytes(i.STRING().getText()), position(i.STRING().getSymbol())));
            } else if (i.ID() != null) {
                init = Optional.of(new Initializer.ParamValue(name(i.ID().getSymbol())));
            } else {
                init = Optional.of(new Initializer.Value(constant(i.constant())));
            }
        }
        return new Field(name(f.name), OperandSize.fromTypeName(f.type.getText()), array,
                Optional.ofNullable(f.count).map(t -> number(t, false)), init);
    }

    private Signature signature(QjParser.SignatureContext s) {
        List<RegisterArg> args = s.registerArg().stream()
                .filter(a -> a != s.result)
                .map(this::registerArg)
                .toList();
        List<Name> clobbers = s.clobbered.stream().map(this::name).toList();
        return new Signature(args, Optional.ofNullable(s.result).map(this::registerArg), clobbers);
    }

    private RegisterArg registerArg(QjParser.RegisterArgContext a) {
        String size = a.size == null ? "" : a.size.getText();
        return new RegisterArg(a.reg.getText(), size, position(a.reg));
    }

    private Kernel kernel(QjParser.KernelDeclContext k) {
        List<Name> boards = new ArrayList<>();
        List<Constant> rams = new ArrayList<>();
        List<Constant> disks = new ArrayList<>();
        List<Name> devices = new ArrayList<>();
        List<Instance> instances = new ArrayList<>();
        List<StaticThread> threads = new ArrayList<>();
        List<Connection> connections = new ArrayList<>();
        List<AssemblyBody> mains = new ArrayList<>();
        List<TestCase> kernelTests = new ArrayList<>();
        for (QjParser.KernelItemContext item : k.kernelItem()) {
            if (item instanceof QjParser.BoardItemContext b) {
                boards.add(name(b.board));
            } else if (item instanceof QjParser.RamItemContext r) {
                rams.add(number(r.size, false));
            } else if (item instanceof QjParser.SizeItemContext s) {
                if (s.word.getText().equals(DISK_ITEM)) {
                    disks.add(number(s.size, false));
                } else {
                    diagnostics.error(position(s.word), "unknown kernel item '%s'; a size follows `ram` or `%s`",
                            s.word.getText(), DISK_ITEM);
                }
            } else if (item instanceof QjParser.DeviceItemContext d) {
                String type = Strings.unquote(d.type.getText());
                if (!DEVICE_TYPE.matcher(type).matches()) {
                    diagnostics.error(position(d.type), "a device type is a name of lower-case letters, digits and"
                            + " '-', such as \"virtio-rng\", not %s", d.type.getText());
                } else {
                    devices.add(new Name(type, position(d.type)));
                }
            } else if (item instanceof QjParser.InstanceItemContext i) {
                List<Instance.Argument> args = new ArrayList<>();
                if (i.argList() != null) {
                    for (QjParser.ArgContext a : i.argList().arg()) {
                        args.add(new Instance.Argument(name(a.name), new ArgumentValue.Number(constant(a.value))));
                    }
                }
                List<IrqLine> irqLines = new ArrayList<>();
                if (i.irqLines() != null) {
                    for (QjParser.IrqLineContext line : i.irqLines().irqLine()) {
                        irqLines.add(new IrqLine(number(line.pic, false), number(line.irq, false)));
                    }
                }
                instances.add(new Instance(name(i.name), name(i.cls), args,
                        Optional.ofNullable(i.base).map(t -> number(t, false)), irqLines));
            } else if (item instanceof QjParser.ThreadItemContext t) {
                if (t.word.getText().equals(THREAD_ITEM)) {
                    threads.add(new StaticThread(name(t.name), memberRef(t.entry),
                            Optional.ofNullable(t.quantumClause()).map(q -> constant(q.value))));
                } else {
                    diagnostics.error(position(t.word),
                            "unknown kernel item '%s'; a static thread is `%s NAME: INSTANCE.CALLENTRY`",
                            t.word.getText(), THREAD_ITEM);
                }
            } else if (item instanceof QjParser.ConnectItemContext c) {
                connections.add(new Connection(memberRef(c.from), memberRef(c.to)));
            } else if (item instanceof QjParser.MainItemContext m) {
                if (!mains.isEmpty()) {
                    diagnostics.error(position(m.MAIN().getSymbol()), "the kernel already has a main body (at %s)",
                            mains.get(0).start());
                }
                mains.add(body(m.body()));
            } else if (item instanceof QjParser.TestItemContext t) {
                kernelTests.add(test(t.testDecl()));
            }
        }
        if (boards.size() > 1) {
            diagnostics.error(boards.get(1).position(), "the board is already given at %s", boards.get(0).position());
        }
        if (rams.size() > 1) {
            diagnostics.error(rams.get(1).position(), "the RAM size is already given at %s", rams.get(0).position());
        }
        if (disks.size() > 1) {
            diagnostics.error(disks.get(1).position(), "the disk size is already given at %s",
                    disks.get(0).position());
        }
        return new Kernel(name(k.name), boards.stream().findFirst(), rams.stream().findFirst(),
                disks.stream().findFirst(), devices,
                instances, threads, connections, mains, kernelTests);
    }

    private TestCase test(QjParser.TestDeclContext t) {
        Optional<String> input = Optional.ofNullable(t.input).map(tok -> Strings.unquote(tok.getText()));
        return new TestCase(Strings.unquote(t.name.getText()), position(t.name), input, body(t.body()));
    }

    private MemberRef memberRef(QjParser.MemberRefContext r) {
        return new MemberRef(name(r.instance), name(r.memberName));
    }

    /** The raw text between the braces, read back from the source. */
    private AssemblyBody body(QjParser.BodyContext b) {
        int start = b.BODY_OPEN().getSymbol().getStopIndex() + 1;
        int end = b.BODY_CLOSE().getSymbol().getStartIndex();
        return new AssemblyBody(file.text().substring(start, end), file, start);
    }

    private Constant constant(QjParser.ConstantContext c) {
        Constant magnitude = number(c.NUMBER().getSymbol(), c.getToken(QjParser.MINUS, 0) != null);
        return new Constant(magnitude.value(), position(c.getStart()));
    }

    /**
     * The value of a NUMBER token: decimal or 0x hexadecimal, {@code _} as a digit
     * separator, K or M as a binary multiplier. Values beyond 32 bits are reported.
     */
    private Constant number(Token token, boolean negative) {
        String text = token.getText().replace("_", "");
        long multiplier = 1;
        if (text.endsWith("K")) {
            multiplier = 1L << 10;
        } else if (text.endsWith("M")) {
            multiplier = 1L << 20;
        }
        if (multiplier != 1) {
            text = text.substring(0, text.length() - 1);
        }
        BigInteger value = text.startsWith("0x") || text.startsWith("0X")
                ? new BigInteger(text.substring(2), 16)
                : new BigInteger(text);
        value = value.multiply(BigInteger.valueOf(multiplier));
        if (negative) {
            value = value.negate();
        }
        if (value.bitLength() > 32) {
            diagnostics.error(position(token), "number %s does not fit in 32 bits", token.getText());
            value = BigInteger.ZERO;
        }
        return new Constant(value.longValue(), position(token));
    }

    private Name name(Token token) {
        return new Name(token.getText(), position(token));
    }

    private Position position(Token token) {
        return new Position(file, token.getLine(), token.getCharPositionInLine() + 1);
    }
}
