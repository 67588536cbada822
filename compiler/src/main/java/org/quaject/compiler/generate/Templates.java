package org.quaject.compiler.generate;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import org.stringtemplate.v4.Interpreter;
import org.stringtemplate.v4.ST;
import org.stringtemplate.v4.STErrorListener;
import org.stringtemplate.v4.STGroup;
import org.stringtemplate.v4.STGroupFile;
import org.stringtemplate.v4.StringRenderer;
import org.stringtemplate.v4.misc.ObjectModelAdaptor;
import org.stringtemplate.v4.misc.STMessage;
import org.stringtemplate.v4.misc.STNoSuchPropertyException;

/**
 * The StringTemplate groups in {@code templates/}, one per concern, loaded from the
 * compiler's class path. A template error is a bug in the compiler, so it is
 * thrown rather than printed.
 */
public final class Templates {

    private Templates() {
    }

    /** Loads {@code templates/NAME.stg}. */
    public static STGroup group(String name) {
        URL url = Templates.class.getClassLoader().getResource("qj/templates/" + name + ".stg");
        if (url == null) {
            throw new IllegalStateException("template group " + name + ".stg is missing from the compiler");
        }
        STGroup group = new STGroupFile(url, "UTF-8", '<', '>');
        group.setListener(FAIL);
        group.registerModelAdaptor(Record.class, new RecordAdaptor());
        group.registerRenderer(String.class, new StringRenderer());
        return group;
    }

    /** Renders template {@code name} of a group with the given attributes (name, value, name, value...). */
    public static String render(STGroup group, String name, Object... attributes) {
        ST st = group.getInstanceOf(name);
        if (st == null) {
            throw new IllegalStateException("no template " + name + " in " + group.getName());
        }
        for (int i = 0; i < attributes.length; i += 2) {
            st.add((String) attributes[i], attributes[i + 1]);
        }
        return st.render();
    }

    private static final STErrorListener FAIL = new STErrorListener() {
        @Override
        public void compileTimeError(STMessage msg) {
            throw new IllegalStateException(msg.toString());
        }

        @Override
        public void runTimeError(STMessage msg) {
            throw new IllegalStateException(msg.toString());
        }

        @Override
        public void IOError(STMessage msg) {
            throw new IllegalStateException(msg.toString());
        }

        @Override
        public void internalError(STMessage msg) {
            throw new IllegalStateException(msg.toString());
        }
    };

    /** Lets templates read record components by name ({@code <entry.label>}). */
    private static final class RecordAdaptor extends ObjectModelAdaptor<Record> {
        @Override
        public synchronized Object getProperty(Interpreter interp, ST self, Record model, Object property,
                                               String propertyName) throws STNoSuchPropertyException {
            try {
                Method accessor = model.getClass().getMethod(propertyName);
                accessor.setAccessible(true);
                return accessor.invoke(model);
            } catch (NoSuchMethodException e) {
                return super.getProperty(interp, self, model, property, propertyName);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new STNoSuchPropertyException(e, model, propertyName);
            }
        }
    }
}
